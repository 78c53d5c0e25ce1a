package org.confluentcollective.web.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InFlightLimitTest {

    @Test
    void countsPerKeyUpToTheLimitAndFreesOnRelease() {
        InFlightLimit limit = new InFlightLimit(2);
        assertTrue(limit.tryAcquire("alice"));
        assertTrue(limit.tryAcquire("alice"));
        assertFalse(limit.tryAcquire("alice"), "a third request of alice while two run");
        assertTrue(limit.tryAcquire("bob"), "another user is not held back");
        limit.release("alice");
        assertTrue(limit.tryAcquire("alice"));
        limit.release("alice");
        limit.release("alice");
        limit.release("alice"); // one too many: no negative count
        assertTrue(limit.tryAcquire("alice"));
        assertTrue(limit.tryAcquire("alice"));
        assertFalse(limit.tryAcquire("alice"));
    }

    @Test
    void needsRoomForOne() {
        assertThrows(IllegalArgumentException.class, () -> new InFlightLimit(0));
    }
}
