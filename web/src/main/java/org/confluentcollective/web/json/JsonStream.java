package org.confluentcollective.web.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * An answer written piece by piece to the response instead of built whole first, for answers
 * about many nodes: memory per request stays bounded by one node's share, and the first bytes
 * leave before the last node is read. {@link JsonBodyProvider} hands it a generator with the
 * API's one JSON configuration, so a streamed answer is byte for byte what the same answer
 * built as a tree would be.
 *
 * <p>Everything that can be refused (a bad noderange, an unknown attribute) must be checked
 * before the stream is returned, while a proper error status can still be sent. A failure once
 * bytes have left cannot change the status: the connection is then cut before the end of the
 * answer, so a client sees a truncated (unparseable) body, never a complete-looking one.
 */
@FunctionalInterface
public interface JsonStream {

    void writeTo(JsonGenerator json) throws IOException;
}
