package org.confluentcollective.zk;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The files a ZooKeeper client needs to reach this member's TLS client port: ZooKeeper's client
 * reads TLS settings only from files. Written on every start with a fresh password into a
 * directory only the member's user can read: the member's key store, a trust store holding the
 * member's own certificate (local clients talk to their own member), and
 * {@code client.properties}, which both the member's own client and {@code zk shell}
 * ({@code ZooKeeperMain -client-configuration}) load.
 */
final class ClientTlsFiles {

    private ClientTlsFiles() {
    }

    static Path write(Path dir, PeerTls tls) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        String password = randomPassword();
        Path identity = dir.resolve("identity.p12");
        Path trust = dir.resolve("trust.p12");
        try {
            KeyStore identityStore = KeyStore.getInstance("PKCS12");
            identityStore.load(null, null);
            String alias = tls.keyAlias();
            identityStore.setKeyEntry("member", tls.identity().getKey(alias, tls.password()),
                    password.toCharArray(), tls.identity().getCertificateChain(alias));
            store(identityStore, identity, password);
            KeyStore trustStore = KeyStore.getInstance("PKCS12");
            trustStore.load(null, null);
            trustStore.setCertificateEntry("member", tls.identity().getCertificate(alias));
            store(trustStore, trust, password);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the ZooKeeper client key stores: " + e.getMessage(), e);
        }
        Path properties = dir.resolve("client.properties");
        List<String> lines = new ArrayList<>(List.of(
                "zookeeper.client.secure=true",
                "zookeeper.clientCnxnSocket=org.apache.zookeeper.ClientCnxnSocketNetty",
                "zookeeper.ssl.keyStore.location=" + identity,
                "zookeeper.ssl.keyStore.password=" + password,
                "zookeeper.ssl.keyStore.type=PKCS12",
                "zookeeper.ssl.trustStore.location=" + trust,
                "zookeeper.ssl.trustStore.password=" + password,
                "zookeeper.ssl.trustStore.type=PKCS12",
                "zookeeper.ssl.hostnameVerification=false"));
        MemberTlsPolicy.clientConfiguration().forEach((key, value) -> lines.add(key + "=" + value));
        lines.add("");
        writePrivate(properties, String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return properties;
    }

    private static void store(KeyStore store, Path file, String password) throws IOException, GeneralSecurityException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        store.store(bytes, password.toCharArray());
        writePrivate(file, bytes.toByteArray());
    }

    /** Created 0600 from the start (never briefly readable by others), replaced atomically. */
    private static void writePrivate(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
            out.write(content);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            password.append((char) ('a' + random.nextInt(26)));
        }
        return password.toString();
    }
}
