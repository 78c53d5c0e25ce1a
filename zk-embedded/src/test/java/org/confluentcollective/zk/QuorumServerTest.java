package org.confluentcollective.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuorumServerTest {

    @Test
    void parsesWhatZooKeeperWrites() {
        QuorumServer tls = QuorumServer.parse("server.3=10.0.0.3:4007:4008:observer").orElseThrow();
        assertEquals(new QuorumServer(3, "10.0.0.3", 4007, 4008, QuorumRole.OBSERVER, ""), tls);
        assertFalse(tls.votes());
        QuorumServer plain = QuorumServer.parse("server.1=127.0.0.1:2888:3888:participant;127.0.0.1:2181").orElseThrow();
        assertEquals("127.0.0.1:2181", plain.clientPart());
        assertTrue(plain.votes());
        assertEquals("server.1=127.0.0.1:2888:3888:participant;127.0.0.1:2181", plain.line());
        assertTrue(QuorumServer.parse("server.2=h:1:2").orElseThrow().votes(), "participant is the default role");
    }

    @Test
    void otherLinesAreNotServers() {
        assertEquals(Optional.empty(), QuorumServer.parse("version=100000000"));
        assertEquals(Optional.empty(), QuorumServer.parse("server.x=h:1:2"));
    }

    @Test
    void rolesAreChecked() {
        assertEquals(Optional.empty(), QuorumRole.ofLabel("leader"));
        assertThrows(NullPointerException.class, () -> new QuorumServer(1, "h", 1, 2, null, ""));
        assertEquals("server.4=h:1:2:observer", new QuorumServer(4, "h", 1, 2, QuorumRole.PARTICIPANT, "")
                .withRole(QuorumRole.OBSERVER).line());
    }
}
