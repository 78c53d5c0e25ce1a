package org.confluentcollective.web.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the member's deployment services are doing, for {@code GET /networking}. */
public interface ServiceReport {

    /** {@code {"http":{...},"tftp":{...},"dhcp":{...}}}: each running (address, port) or why not. */
    ObjectNode services();

    /** Whether the DHCP responder runs and answers on this interface. */
    boolean servesDhcp(String interfaceName);
}
