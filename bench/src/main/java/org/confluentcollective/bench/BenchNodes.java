package org.confluentcollective.bench;

/** The benchmark node: about 20 attributes of its own, as a realistic inventory entry has. */
final class BenchNodes {

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
}
