package org.confluentcollective.server.trust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemberIdentityTest {

    @TempDir
    Path tmp;

    private MemberIdentity create(Path dir, String name) throws Exception {
        return MemberIdentity.loadOrCreate(dir, name, List.of("n1.example.com"),
                List.of(InetAddress.getByName("10.1.2.3"), InetAddress.getByName("fd00::7")));
    }

    @Test
    void createsKeyAndCertificateFilesOnce() throws Exception {
        Path state = tmp.resolve("state");
        MemberIdentity first = create(state, "n1");

        Path key = state.resolve(MemberIdentity.KEY_FILE);
        Path cert = state.resolve(MemberIdentity.CERT_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
        assertTrue(Files.readString(key).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertTrue(Files.readString(cert).startsWith("-----BEGIN CERTIFICATE-----"));
        byte[] keyBytes = Files.readAllBytes(key);

        MemberIdentity again = MemberIdentity.loadOrCreate(state, "renamed", List.of(), List.of());
        assertEquals(first.fingerprint(), again.fingerprint(), "the certificate survives restarts");
        assertArrayEquals(first.certificate().getEncoded(), again.certificate().getEncoded());
        assertArrayEquals(first.privateKey().getEncoded(), again.privateKey().getEncoded());
        assertArrayEquals(keyBytes, Files.readAllBytes(key));
        try (var files = Files.list(state)) {
            assertEquals(2, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void fingerprintIsSha256OfTheDerCertificate() throws Exception {
        MemberIdentity id = create(tmp, "n1");
        String expected = "sha256:" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(id.certificate().getEncoded()));
        assertEquals(expected, id.fingerprint());
        assertEquals(expected, MemberIdentity.fingerprintOf(id.certificate()));
        assertTrue(id.fingerprint().matches("sha256:[0-9a-f]{64}"));
        assertNotEquals(id.fingerprint(), create(tmp.resolve("other"), "n1").fingerprint());
    }

    @Test
    void certificateIsASelfSignedEcLeafForTlsClientAndServer() throws Exception {
        X509Certificate cert = create(tmp, "n1").certificate();
        cert.verify(cert.getPublicKey()); // throws if not self-signed by this key
        assertEquals(3, cert.getVersion());
        assertEquals("EC", cert.getPublicKey().getAlgorithm());
        assertEquals("CN=n1,O=confluent-collective", cert.getSubjectX500Principal().getName());
        assertEquals(cert.getSubjectX500Principal(), cert.getIssuerX500Principal());
        assertEquals(-1, cert.getBasicConstraints(), "not a CA");
        boolean[] usage = cert.getKeyUsage();
        assertTrue(usage[0] && usage[4], "digitalSignature and keyAgreement");
        assertTrue(!usage[5] && !usage[6], "no certificate or CRL signing");
        assertTrue(cert.getExtendedKeyUsage().containsAll(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2")));
        assertTrue(cert.getCriticalExtensionOIDs().containsAll(Set.of("2.5.29.19", "2.5.29.15")));
        Duration validity = Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant());
        assertTrue(validity.toDays() >= 20 * 365 && validity.toDays() <= 20 * 366 + 1, validity.toString());
        assertTrue(cert.getNotBefore().toInstant().isBefore(Instant.now()));
    }

    @Test
    void subjectAlternativeNamesIncludeLoopback() throws Exception {
        X509Certificate cert = create(tmp, "n1").certificate();
        Set<String> dns = sans(cert, 2);
        Set<String> ips = sans(cert, 7).stream()
                .map(s -> {
                    try {
                        return InetAddress.getByName(s).getHostAddress();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                })
                .collect(Collectors.toSet());
        assertEquals(Set.of("n1.example.com", "localhost"), dns);
        assertEquals(Set.of("10.1.2.3", "fd00:0:0:0:0:0:0:7", "127.0.0.1", "0:0:0:0:0:0:0:1"), ips);
    }

    @Test
    void keyStoreHoldsKeyAndCertificateUnderMember() throws Exception {
        MemberIdentity id = create(tmp, "n1");
        char[] password = "changeit".toCharArray();
        KeyStore store = id.keyStore(password);
        assertEquals("PKCS12", store.getType());
        assertTrue(store.isKeyEntry("member"));
        assertEquals(id.certificate(), store.getCertificate("member"));
        assertArrayEquals(id.privateKey().getEncoded(), ((PrivateKey) store.getKey("member", password)).getEncoded());
    }

    @Test
    void refusesKeyReadableByOthers() throws Exception {
        create(tmp, "n1");
        Files.setPosixFilePermissions(tmp.resolve(MemberIdentity.KEY_FILE), PosixFilePermissions.fromString("rw-r--r--"));
        assertThrows(IllegalStateException.class, () -> create(tmp, "n1"));
    }

    @Test
    void refusesCertificateWithoutKey() throws Exception {
        create(tmp, "n1");
        Files.delete(tmp.resolve(MemberIdentity.KEY_FILE));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> create(tmp, "n1"));
        assertTrue(e.getMessage().contains("member.key"), e.getMessage());
    }

    @Test
    void refusesCertificateOfAnotherKey() throws Exception {
        create(tmp.resolve("a"), "a");
        create(tmp.resolve("b"), "b");
        Files.copy(tmp.resolve("b/member.crt"), tmp.resolve("a/member.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> create(tmp.resolve("a"), "a"));
        assertTrue(e.getMessage().contains("does not belong"), e.getMessage());
    }

    @Test
    void issuesMissingCertificateForExistingKey() throws Exception {
        MemberIdentity first = create(tmp, "n1");
        Files.delete(tmp.resolve(MemberIdentity.CERT_FILE)); // as if the first start was interrupted
        MemberIdentity second = create(tmp, "n1");
        assertEquals(first.certificate().getPublicKey(), second.certificate().getPublicKey());
        second.certificate().verify(first.certificate().getPublicKey());
    }

    private static Set<String> sans(X509Certificate cert, int type) throws Exception {
        return cert.getSubjectAlternativeNames().stream()
                .filter(san -> (Integer) san.get(0) == type)
                .map(san -> (String) san.get(1))
                .collect(Collectors.toSet());
    }
}
