package org.confluentcollective.cli.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {

    private static final String HEX = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static final Fingerprint EXPECTED = new Fingerprint(HEX);
    private static final Fingerprint OTHER = new Fingerprint(HEX.replace('0', '1'));

    @TempDir
    Path home;

    @Test
    void readsTheCommonNotations() {
        String colons = HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(HEX));
        assertEquals(EXPECTED, Fingerprint.parse(HEX));
        assertEquals(EXPECTED, Fingerprint.parse(HEX.toUpperCase()));
        assertEquals(EXPECTED, Fingerprint.parse(colons));
        assertEquals(EXPECTED, Fingerprint.parse("SHA256:" + colons));
        assertEquals(EXPECTED, Fingerprint.parse("sha256 Fingerprint=" + colons));
        assertEquals(EXPECTED, Fingerprint.parse("sha256$" + HEX));
        String base64 = Base64.getEncoder().withoutPadding().encodeToString(HexFormat.of().parseHex(HEX));
        assertEquals(EXPECTED, Fingerprint.parse("SHA256:" + base64));
        assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse("abc"));
    }

    @Test
    void printsLikeTheMembers() {
        assertEquals("sha256:" + HEX, EXPECTED.toString());
    }

    @Test
    void firstUseIsRecordedAndAnnouncedThenEnforced() throws Exception {
        KnownHosts knownHosts = KnownHosts.inHome(home);
        StringWriter notices = new StringWriter();
        CertificatePinning pinning = new CertificatePinning("mgmt1:4005", Optional.empty(), knownHosts,
                new PrintWriter(notices));
        pinning.check(EXPECTED);
        assertTrue(notices.toString().contains("mgmt1:4005") && notices.toString().contains(EXPECTED.toString()),
                notices.toString());
        assertEquals(Optional.of(EXPECTED), knownHosts.lookup("mgmt1:4005"));
        pinning.check(EXPECTED);
        UntrustedCertificateException e = assertThrows(UntrustedCertificateException.class,
                () -> pinning.check(OTHER));
        assertEquals(EXPECTED, e.expected());
        assertEquals(OTHER, e.presented());
        assertEquals(1, Files.readAllLines(knownHosts.file()).size());
    }

    @Test
    void anExplicitFingerprintWinsAndRecordsNothing() throws IOException, Exception {
        KnownHosts knownHosts = KnownHosts.inHome(home);
        CertificatePinning pinning = new CertificatePinning("mgmt1:4005", Optional.of(EXPECTED), knownHosts,
                new PrintWriter(new StringWriter()));
        pinning.check(EXPECTED);
        assertThrows(UntrustedCertificateException.class, () -> pinning.check(OTHER));
        assertTrue(Files.notExists(knownHosts.file()));
    }
}
