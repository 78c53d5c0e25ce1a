package org.confluentcollective.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpMethod;

/** The benchmark node: about 20 attributes of its own, as a realistic inventory entry has. */
final class BenchNodes {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Nodes per define request. */
    static final int DEFINE_CHUNK = 10_000;

    /** Attribute name, value, name, value, ... (the nodes are also in group {@code compute}). */
    static final String[] ATTRIBUTES = {
        "location.rack", "7", "location.room", "hall-b", "location.row", "c",
        "net.mgt.hwaddr", "52:54:00:12:34:56", "net.mgt.ipv4_address", "10.1.2.3/16",
        "net.mgt.switch", "mgtsw42", "net.mgt.switchport", "Ethernet1/37",
        "net.data.ipv4_address", "172.16.2.3/16", "net.data.hostname", "node-data",
        "hardwaremanagement.manager", "10.2.2.3", "id.serial", "J30012345",
        "id.model", "ThinkSystem SR650 V3", "id.uuid", "5a3c9d2e-0b41-11ef-9262-0242ac120002",
        "info.note", "benchmark node", "dns.domain", "cluster.example", "custom.owner", "hpc-team"};

    private BenchNodes() {
    }

    /**
     * Defines group {@code compute} and nodes n1..n{@code nodes} with {@link #ATTRIBUTES} over
     * REST, {@value #DEFINE_CHUNK} nodes a request, as an administrator's script would.
     */
    static void defineOverRest(BenchRest rest, int httpsPort, int nodes) throws Exception {
        ObjectNode group = JSON.createObjectNode().put("name", "compute")
                .put("hardwaremanagement.method", "redfish").put("console.method", "openbmc")
                .put("location.u", "{n1}").put("deployment.pendingprofile", "rocky-9-x86_64-default");
        rest.call(httpsPort, HttpMethod.POST, "/nodegroups/", group.toString());
        for (int first = 1; first <= nodes; first += DEFINE_CHUNK) {
            int last = Math.min(nodes, first + DEFINE_CHUNK - 1);
            ObjectNode body = JSON.createObjectNode().put("name", "n" + first + "-n" + last);
            body.putArray("groups").add("compute");
            for (int i = 0; i < ATTRIBUTES.length; i += 2) {
                body.put(ATTRIBUTES[i], ATTRIBUTES[i + 1]);
            }
            rest.call(httpsPort, HttpMethod.POST, "/noderange/", body.toString());
        }
    }
}
