package org.confluentcollective.cli.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void parsesHostsWithAndWithoutPorts() {
        assertEquals(new Endpoint.Https("mgmt1", 4005), Endpoint.Https.parse("mgmt1"));
        assertEquals(new Endpoint.Https("mgmt1", 8443), Endpoint.Https.parse("mgmt1:8443"));
        assertEquals(new Endpoint.Https("::1", 4005), Endpoint.Https.parse("::1"));
        assertEquals(new Endpoint.Https("fe80::1", 9), Endpoint.Https.parse("[fe80::1]:9"));
        assertEquals("[fe80::1]:9", Endpoint.Https.parse("[fe80::1]:9").authority());
    }

    @Test
    void rejectsBadPorts() {
        assertThrows(IllegalArgumentException.class, () -> Endpoint.Https.parse("mgmt1:x"));
        assertThrows(IllegalArgumentException.class, () -> Endpoint.Https.parse("mgmt1:70000"));
        assertThrows(IllegalArgumentException.class, () -> Endpoint.Https.parse(":4005"));
    }
}
