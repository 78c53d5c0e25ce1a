package org.confluentcollective.server.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.codec.digest.Md5Crypt;
import org.junit.jupiter.api.Test;

class CryptedHashTest {

    private static final Pattern SHA512_CRYPT = Pattern.compile("\\$6\\$[./0-9A-Za-z]{16}\\$[./0-9A-Za-z]{86}");
    private static final Pattern GRUB =
            Pattern.compile("grub\\.pbkdf2\\.sha512\\.10000\\.([0-9A-F]{128})\\.([0-9A-F]{128})");

    private final CryptedHash crypted = new CryptedHash();

    @Test
    void knownSha512CryptVectorVerifies() {
        // from Ulrich Drepper's SHA-crypt specification (also glibc's test suite; openssl passwd -6 agrees)
        String hash = "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1";
        assertTrue(crypted.verifySha512Crypt("Hello world!", hash));
        assertFalse(crypted.verifySha512Crypt("Hello world?", hash));
    }

    @Test
    void sha512CryptHasRandomSixteenCharSaltAndVerifies() {
        String a = crypted.sha512Crypt("s3cret");
        String b = crypted.sha512Crypt("s3cret");
        assertTrue(SHA512_CRYPT.matcher(a).matches(), a);
        assertNotEquals(a, b);
        assertTrue(crypted.verifySha512Crypt("s3cret", a));
        assertTrue(crypted.verifySha512Crypt("s3cret", b));
        assertFalse(crypted.verifySha512Crypt("s3creT", a));
    }

    @Test
    void verifyRefusesOtherSchemesAndGarbage() {
        assertFalse(crypted.verifySha512Crypt("pw", Md5Crypt.md5Crypt("pw".getBytes())));
        assertFalse(crypted.verifySha512Crypt("pw", "abJnggxhB/yWI")); // DES crypt form
        assertFalse(crypted.verifySha512Crypt("pw", "$6$"));
        assertFalse(crypted.verifySha512Crypt("pw", ""));
        assertFalse(crypted.verifySha512Crypt("pw", null));
        assertFalse(crypted.verifySha512Crypt(null, crypted.sha512Crypt("pw")));
    }

    @Test
    void grubHasTheFormatGrubMkpasswdPrints() {
        String a = crypted.grubPbkdf2("s3cret");
        Matcher m = GRUB.matcher(a);
        assertTrue(m.matches(), a);
        assertNotEquals(a, crypted.grubPbkdf2("s3cret"), "fresh salt each time");
        byte[] salt = HexFormat.of().parseHex(m.group(1));
        assertEquals(a, CryptedHash.grubPbkdf2("s3cret", salt, 10_000), "recomputable from its own salt");
    }

    @Test
    void grubMatchesKnownPbkdf2Sha512Answers() {
        // PBKDF2-HMAC-SHA512("password", "salt", 1, 64), the widely published vector
        assertEquals("grub.pbkdf2.sha512.1.73616C74.867F70CF1ADE02CFF3752599A3A53DC4AF34C7A669815AE5D513554E1C8CF252"
                + "C02D470A285A0501BAD999BFE943C08F050235D7D68B1DA55E63F73B60A57FCE",
                CryptedHash.grubPbkdf2("password", "salt".getBytes(), 1));
        // 10000 rounds, salt 00..3F, cross-checked with Python's hashlib.pbkdf2_hmac
        byte[] salt = new byte[64];
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) i;
        }
        String grub = CryptedHash.grubPbkdf2("hunter2", salt, 10_000);
        assertTrue(grub.endsWith(".4B1C2F26337F98ECB0263571C79AA5B68736FA58B198360400FC2E653FFCCFE5"
                + "3263B52A2F589182FAB60482C1FFF1FE679BE942205067AA0DEE6FBF393E36E0"), grub);
    }

    @Test
    void hashProducesBothForms() {
        CryptedHash.HashedValue value = crypted.hash("rootpw");
        assertTrue(crypted.verifySha512Crypt("rootpw", value.hashValue()));
        assertTrue(GRUB.matcher(value.grubHashValue()).matches(), value.grubHashValue());
    }
}
