package org.confluentcollective.server.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String CONTEXT = "node:n1:secret.hardwaremanagementpassword";
    private static final String SECRET = "Passw0rd-élan";

    private final SecretCipher cipher = new SecretCipher(CollectiveKey.generate(new SecureRandom()));

    @Test
    void roundTrips() {
        assertEquals(SECRET, cipher.decrypt(cipher.encrypt(SECRET, CONTEXT), CONTEXT));
        assertEquals("", cipher.decrypt(cipher.encrypt("", CONTEXT), CONTEXT));
    }

    @Test
    void sealedFormIsVersionedPrintableAndHidesTheSecret() {
        String sealed = cipher.encrypt(SECRET, CONTEXT);
        assertTrue(sealed.matches("aes256gcm:v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+"), sealed);
        String[] parts = sealed.split(":");
        assertEquals(12, Base64.getDecoder().decode(parts[2]).length);
        // ciphertext + 16-byte tag; "é" is two bytes in UTF-8
        assertEquals(SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 16,
                Base64.getDecoder().decode(parts[3]).length);
        assertFalse(sealed.contains("Passw0rd"));
        assertTrue(SecretCipher.isSealed(sealed));
        assertFalse(SecretCipher.isSealed(SECRET));
    }

    @Test
    void twoEncryptionsOfTheSameTextDiffer() {
        String a = cipher.encrypt(SECRET, CONTEXT);
        String b = cipher.encrypt(SECRET, CONTEXT);
        assertNotEquals(a, b);
        assertNotEquals(a.split(":")[2], b.split(":")[2], "fresh IV each time");
    }

    @Test
    void wrongKeyFails() {
        String sealed = cipher.encrypt(SECRET, CONTEXT);
        SecretCipher other = new SecretCipher(CollectiveKey.generate(new SecureRandom()));
        assertThrows(SecretException.class, () -> other.decrypt(sealed, CONTEXT));
    }

    @Test
    void swappedContextFails() {
        String sealed = cipher.encrypt(SECRET, CONTEXT);
        assertThrows(SecretException.class,
                () -> cipher.decrypt(sealed, "node:n2:secret.hardwaremanagementpassword"));
        assertThrows(SecretException.class, () -> cipher.decrypt(sealed, "node:n1:secret.ipmikg"));
    }

    @Test
    void tamperedCiphertextFailsWithoutNamingTheSecret() {
        String sealed = cipher.encrypt(SECRET, CONTEXT);
        String[] parts = sealed.split(":");
        byte[] body = Base64.getDecoder().decode(parts[3]);
        body[0] ^= 1;
        String tampered = parts[0] + ":" + parts[1] + ":" + parts[2] + ":" + Base64.getEncoder().encodeToString(body);
        SecretException e = assertThrows(SecretException.class, () -> cipher.decrypt(tampered, CONTEXT));
        assertTrue(e.getMessage().contains("does not authenticate"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));

        byte[] iv = Base64.getDecoder().decode(parts[2]);
        iv[11] ^= 0x80;
        String badIv = parts[0] + ":" + parts[1] + ":" + Base64.getEncoder().encodeToString(iv) + ":" + parts[3];
        assertThrows(SecretException.class, () -> cipher.decrypt(badIv, CONTEXT));
    }

    @Test
    void malformedInputIsNamed() {
        String sealed = cipher.encrypt(SECRET, CONTEXT);
        String[] parts = sealed.split(":");
        assertMessage("not a sealed secret", "plain text");
        assertMessage("not a sealed secret", sealed + ":extra");
        assertMessage("unsupported sealed secret version", "aes256gcm:v9:" + parts[2] + ":" + parts[3]);
        assertMessage("not valid base64", "aes256gcm:v1:***:" + parts[3]);
        assertMessage("IV", "aes256gcm:v1:AAAA:" + parts[3]);
        assertMessage("truncated", "aes256gcm:v1:" + parts[2] + ":AAAA");
    }

    private void assertMessage(String expected, String sealed) {
        SecretException e = assertThrows(SecretException.class, () -> cipher.decrypt(sealed, CONTEXT));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
