package org.confluentcollective.server.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master key of a dump written by the original confluent ({@code keys.json}'s
 * {@code cryptkey}), and the opening of its {@code cryptvalue}s (the samples' README,
 * /work/shared/samples/confluent-dump):
 * <ul>
 *   <li>{@code *unencrypted:<base64 key>}: the key in clear;</li>
 *   <li>{@code SALT!IV!CT!TAG!Ag==}: wrapped with AES-128-GCM under the first 16 bytes of
 *       PBKDF2-HMAC-SHA256(PBKDF2-HMAC-SHA256(passphrase, SALT, 50000, 32), SALT, 50000, 32);</li>
 *   <li>a {@code cryptvalue} is {@code IV!CT!TAG!Ag==}: AES-256-GCM with the master key, no
 *       associated data. The legacy 3-part CBC+HMAC form is not supported.</li>
 * </ul>
 */
public final class ConfluentKeys {

    private static final String UNENCRYPTED = "*unencrypted:";
    private static final int ROUNDS = 50_000;
    private static final String VERSION_2 = "Ag==";

    private final SecretKeySpec masterKey;

    private ConfluentKeys(byte[] key) {
        if (key.length != 32 && key.length != 16) {
            throw new SecretException("confluent's master key has " + key.length + " bytes; expected 32");
        }
        this.masterKey = new SecretKeySpec(key, "AES");
    }

    /** Whether {@code cryptkey} needs a passphrase to be opened. */
    public static boolean isProtected(String cryptkey) {
        return cryptkey != null && !cryptkey.startsWith(UNENCRYPTED);
    }

    /**
     * @param passphrase for a protected key; ignored for one in clear
     * @throws SecretException for a missing or wrong passphrase or a malformed key
     */
    public static ConfluentKeys open(String cryptkey, char[] passphrase) {
        if (cryptkey == null) {
            throw new SecretException("keys.json holds no cryptkey");
        }
        if (cryptkey.startsWith(UNENCRYPTED)) {
            return new ConfluentKeys(base64(cryptkey.substring(UNENCRYPTED.length()), "the master key"));
        }
        String[] parts = cryptkey.split("!", -1);
        if (parts.length != 5 || !VERSION_2.equals(parts[4])) {
            throw new SecretException("keys.json's cryptkey is not in a form this import knows (SALT!IV!CT!TAG!Ag==)");
        }
        if (passphrase == null || passphrase.length == 0) {
            throw new SecretException("keys.json is protected by a passphrase: give it to open the dump's secrets");
        }
        byte[] salt = base64(parts[0], "the key's salt");
        byte[] password = PassphraseSeal.utf8(passphrase);
        byte[] inner = PassphraseSeal.pbkdf2(password, salt, ROUNDS, 32);
        byte[] outer = PassphraseSeal.pbkdf2(inner, salt, ROUNDS, 32);
        try {
            byte[] key = gcm(Arrays.copyOf(outer, 16), base64(parts[1], "the key's IV"),
                    base64(parts[2], "the wrapped key"), base64(parts[3], "the key's tag"));
            return new ConfluentKeys(key);
        } catch (AEADBadTagException e) {
            throw new SecretException("wrong passphrase for keys.json: the master key does not open");
        }
    }

    /**
     * Opens a {@code cryptvalue}.
     *
     * @throws SecretException for a form not supported or a value that does not authenticate
     */
    public String decrypt(String cryptvalue) {
        String[] parts = cryptvalue.split("!", -1);
        if (parts.length == 3) {
            throw new SecretException("legacy AES-CBC+HMAC form (needs the integrity key): not supported");
        }
        if (parts.length != 4 || !VERSION_2.equals(parts[3])) {
            throw new SecretException("not a confluent cryptvalue (IV!CT!TAG!Ag==)");
        }
        try {
            byte[] clear = gcm(masterKey.getEncoded(), base64(parts[0], "IV"), base64(parts[1], "ciphertext"),
                    base64(parts[2], "tag"));
            return new String(clear, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretException("does not authenticate with the dump's master key");
        }
    }

    private static byte[] gcm(byte[] key, byte[] iv, byte[] ciphertext, byte[] tag) throws AEADBadTagException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(tag.length * 8, iv));
            byte[] body = Arrays.copyOf(ciphertext, ciphertext.length + tag.length);
            System.arraycopy(tag, 0, body, ciphertext.length, tag.length);
            return cipher.doFinal(body);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new SecretException("cannot decrypt: " + e.getMessage());
        }
    }

    private static byte[] base64(String text, String what) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new SecretException(what + " is not valid base64");
        }
    }
}
