package org.confluentcollective.server.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    void hashHasTheDocumentedFormatAndVerifies() {
        String stored = hasher.hash("correct horse".toCharArray());
        assertTrue(stored.matches("pbkdf2-sha256\\$1000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), stored);
        assertTrue(hasher.verify("correct horse".toCharArray(), stored));
        assertFalse(hasher.verify("correct horsE".toCharArray(), stored));
        assertFalse(hasher.verify(new char[0], stored));
    }

    @Test
    void sameInputGivesDifferentSaltedHashes() {
        assertNotEquals(hasher.hash("pw".toCharArray()), hasher.hash("pw".toCharArray()));
    }

    @Test
    void verifiesAHashMadeElsewhere() {
        // PBKDF2-HMAC-SHA256("password", "salt", 4096, 32), as Python's hashlib computes it
        String stored = "pbkdf2-sha256$4096$" + Base64.getEncoder().encodeToString("salt".getBytes()) + "$"
                + "xeR41ZKIyEGqUw22hFxMjZYok6ABzk4RpJY4c6qYE0o=";
        assertTrue(hasher.verify("password".toCharArray(), stored), "iterations come from the stored form");
        assertFalse(hasher.verify("Password".toCharArray(), stored));
    }

    @Test
    void malformedStoredValuesAreFalse() {
        char[] pw = "pw".toCharArray();
        String good = hasher.hash(pw);
        String[] p = good.split("\\$");
        assertFalse(hasher.verify(pw, null));
        assertFalse(hasher.verify(pw, ""));
        assertFalse(hasher.verify(pw, "pw"));
        assertFalse(hasher.verify(pw, "bcrypt$1000$" + p[2] + "$" + p[3]));
        assertFalse(hasher.verify(pw, "pbkdf2-sha256$abc$" + p[2] + "$" + p[3]));
        assertFalse(hasher.verify(pw, "pbkdf2-sha256$0$" + p[2] + "$" + p[3]));
        assertFalse(hasher.verify(pw, "pbkdf2-sha256$2000000000$" + p[2] + "$" + p[3]));
        assertFalse(hasher.verify(pw, "pbkdf2-sha256$1000$" + p[2] + "$***"));
        assertFalse(hasher.verify(pw, "pbkdf2-sha256$1000$$" + p[3]));
        assertFalse(hasher.verify(pw, good + "$"));
        assertFalse(hasher.verify(null, good));
        assertTrue(hasher.verify(pw, good), "the array is not wiped by verify");
    }

    @Test
    void needsRehashWhenWeakerThanConfigured() {
        String stored = hasher.hash("pw".toCharArray());
        assertFalse(hasher.needsRehash(stored));
        assertTrue(new PasswordHasher(2_000).needsRehash(stored));
        assertTrue(hasher.needsRehash("garbage"));
    }

    @Test
    void defaultsAndLimits() {
        assertEquals(210_000, new PasswordHasher().iterations());
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(0));
        assertFalse(hasher.verifyUnknownUser("pw".toCharArray()));
    }
}
