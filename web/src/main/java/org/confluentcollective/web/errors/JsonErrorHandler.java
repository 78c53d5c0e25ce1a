package org.confluentcollective.web.errors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own errors (unparsable requests, ambiguous URIs, failures outside Jersey) in the API's
 * JSON shape instead of Jetty's HTML page, whatever the client says it accepts.
 */
public final class JsonErrorHandler extends ErrorHandler {

    public JsonErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
    }

    /** Jetty leaves the body out for methods other than GET, POST and HEAD (a PRI preface's 426, a PUT's 400). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message,
                                    Throwable cause, Callback callback) throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON_UTF_8.asString());
        // Jetty drops the connection after refusing a request at this level; saying so keeps
        // clients from sending their next request into a closed connection.
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        response.write(true, ByteBuffer.wrap(body(code, explain(code, message, cause))), callback);
    }

    /**
     * Jetty refuses an encoded NUL ({@code %00}) in a path itself, as an illegal character, and
     * says only "Bad Request"; other control characters reach ControlCharacterFilter.
     */
    private static String explain(int code, String message, Throwable cause) {
        for (Throwable t = cause; code == HttpStatus.BAD_REQUEST_400 && t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith("Illegal character in path")) {
                return "the path holds a character no path may hold (an encoded control character such as %00); "
                        + "names and noderanges cannot contain control characters";
            }
        }
        return message;
    }

    static byte[] body(int status, String message) {
        String text = message == null || message.isBlank() ? HttpStatus.getMessage(status) : message;
        return ("{\"errorcode\":" + status + ",\"error\":\"" + escape(text) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
