package org.confluentcollective.server.trust;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509ExtendedTrustManager;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.bouncycastle.util.io.pem.PemWriter;
import org.confluentcollective.server.api.MemberCredentials;
import org.confluentcollective.server.secrets.PrivateFiles;

/**
 * This member's TLS identity: an EC P-256 key and a self-signed certificate, created on first
 * start and kept in the state directory as {@code member.key} (PKCS#8 PEM, mode 0600) and
 * {@code member.crt} (PEM). Other members trust it by its {@link #fingerprint()}, never by a
 * CA, so the certificate must stay the same across restarts: names given to
 * {@link #loadOrCreate} only matter when the certificate is first issued.
 *
 * <p>Fingerprints are written {@code sha256:} followed by the lowercase hex SHA-256 of the
 * DER-encoded certificate, without separators (e.g. {@code sha256:3f2a...}, 71 characters).
 *
 * <p>Uses Bouncy Castle only as a library (certificate builder, PEM); no JCA provider is
 * registered, the JDK's own providers do the cryptography.
 */
public final class MemberIdentity implements MemberCredentials {

    public static final String KEY_FILE = "member.key";
    public static final String CERT_FILE = "member.crt";
    /** Alias of the key entry in {@link #keyStore}. */
    public static final String ALIAS = "member";

    private static final String CURVE = "secp256r1";
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final int VALIDITY_YEARS = 20;
    // tolerate a peer whose clock is a little behind ours when the certificate is brand new
    private static final Duration BACKDATE = Duration.ofHours(1);

    private final PrivateKey privateKey;
    private final X509Certificate certificate;
    private final String fingerprint;

    private MemberIdentity(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = privateKey;
        this.certificate = certificate;
        this.fingerprint = fingerprintOf(certificate);
    }

    /**
     * Loads the identity from {@code stateDir}, creating the key and certificate if they do not
     * exist yet. The certificate gets subject {@code CN=<memberName>,O=confluent-collective} and
     * subject alternative names for {@code dnsNames}, {@code addresses}, {@code localhost},
     * {@code 127.0.0.1} and {@code ::1}.
     *
     * @throws IllegalStateException if the key file is accessible by group or others, a
     *     certificate exists without its key, or the two do not belong together
     */
    public static MemberIdentity loadOrCreate(Path stateDir, String memberName, List<String> dnsNames,
            List<InetAddress> addresses) {
        if (memberName == null || memberName.isBlank()) {
            throw new IllegalArgumentException("member name is required");
        }
        Objects.requireNonNull(dnsNames, "dnsNames");
        Objects.requireNonNull(addresses, "addresses");
        PrivateFiles.createDirectory(stateDir);
        Path keyFile = stateDir.resolve(KEY_FILE);
        Path certFile = stateDir.resolve(CERT_FILE);
        try {
            if (!Files.exists(keyFile)) {
                if (Files.exists(certFile)) {
                    throw new IllegalStateException(certFile + " exists but " + keyFile
                            + " does not; restore the key, or remove both to create a new identity"
                            + " (other members will then have to re-admit this one)");
                }
                // If another process wins the race, its key is used below.
                PrivateFiles.writeNew(keyFile, pem("PRIVATE KEY", generateKey().getEncoded()));
            }
            PrivateKey key = readKey(keyFile);
            if (!Files.exists(certFile)) {
                // First start, or one interrupted after writing the key: the certificate was
                // never on disk, so no one can have pinned it yet and issuing it now is safe.
                X509Certificate issued = issue(key, publicKeyOf(key), memberName, dnsNames, addresses);
                PrivateFiles.writeNew(certFile, pem("CERTIFICATE", issued.getEncoded()));
            }
            X509Certificate cert = readCertificate(certFile);
            if (!belongTogether(key, cert.getPublicKey())) {
                throw new IllegalStateException(certFile + " does not belong to the key in " + keyFile);
            }
            return new MemberIdentity(key, cert);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the member identity from " + stateDir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the member identity from " + stateDir + ": " + e, e);
        }
    }

    /** {@code sha256:<lowercase hex>} of the DER-encoded certificate. */
    public static String fingerprintOf(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot encode certificate " + certificate.getSubjectX500Principal(), e);
        }
    }

    @Override
    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** This member's certificate fingerprint, as {@link #fingerprintOf} gives it. */
    @Override
    public String fingerprint() {
        return fingerprint;
    }

    /** A new in-memory PKCS#12 key store holding the key and certificate under alias {@value #ALIAS}. */
    @Override
    public KeyStore keyStore(char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, privateKey, password, new java.security.cert.Certificate[] {certificate});
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a PKCS12 key store", e);
        }
    }

    /**
     * A TLS context that presents this identity and decides about peers with {@code trust}
     * (typically a {@link PinnedTrustManager}).
     */
    public SSLContext sslContext(X509ExtendedTrustManager trust) {
        try {
            char[] password = new char[0];
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore(password), password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), new javax.net.ssl.TrustManager[] {trust}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS context", e);
        }
    }

    @Override
    public SSLContext pinnedContext(String fingerprint) {
        return sslContext(new PinnedTrustManager(List.of(fingerprint)));
    }

    @Override
    public SSLContext unverifiedContext() {
        return sslContext(new AnyCertificate());
    }

    @Override
    public String toString() {
        return "MemberIdentity[" + certificate.getSubjectX500Principal().getName() + ", " + fingerprint + "]";
    }

    private static PrivateKey generateKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(CURVE), new SecureRandom());
        return generator.generateKeyPair().getPrivate();
    }

    // PKCS#8 does not have to carry the public key, so recompute it: Q = d * G.
    private static PublicKey publicKeyOf(PrivateKey key) throws GeneralSecurityException {
        if (!(key instanceof ECPrivateKey ec)) {
            throw new GeneralSecurityException("member key is not an EC key");
        }
        X9ECParameters curve = ECNamedCurveTable.getByName(CURVE);
        ECPoint q = curve.getG().multiply(ec.getS()).normalize();
        java.security.spec.ECPoint w = new java.security.spec.ECPoint(
                q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, ec.getParams()));
    }

    private static X509Certificate issue(PrivateKey key, PublicKey publicKey, String memberName,
            List<String> dnsNames, List<InetAddress> addresses) throws GeneralSecurityException, IOException {
        // DER order is most general first; RFC 2253 prints it reversed: CN=<name>,O=confluent-collective
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "confluent-collective")
                .addRDN(BCStyle.CN, memberName)
                .build();
        Instant now = Instant.now();
        Date notBefore = Date.from(now.minus(BACKDATE));
        Date notAfter = Date.from(ZonedDateTime.ofInstant(now, ZoneOffset.UTC).plusYears(VALIDITY_YEARS).toInstant());
        byte[] serial = new byte[16];
        new SecureRandom().nextBytes(serial);

        Set<String> dns = new LinkedHashSet<>(dnsNames);
        dns.add("localhost");
        Set<InetAddress> ips = new LinkedHashSet<>(addresses);
        ips.add(InetAddress.getByName("127.0.0.1"));
        ips.add(InetAddress.getByName("::1"));
        List<GeneralName> names = new java.util.ArrayList<>();
        dns.forEach(d -> names.add(new GeneralName(GeneralName.dNSName, d)));
        // raw address bytes: also right for IPv6 addresses with a scope id
        ips.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(ip.getAddress()))));

        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                subject, new BigInteger(1, serial), notBefore, notAfter, subject, publicKey);
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(names.toArray(GeneralName[]::new)));
        builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey));
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE).build(key)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the member certificate", e);
        }
    }

    private static boolean belongTogether(PrivateKey key, PublicKey publicKey) throws GeneralSecurityException {
        byte[] probe = new byte[32];
        new SecureRandom().nextBytes(probe);
        Signature signer = Signature.getInstance(SIGNATURE);
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(SIGNATURE);
        verifier.initVerify(publicKey);
        verifier.update(probe);
        return verifier.verify(signature);
    }

    private static PrivateKey readKey(Path keyFile) throws IOException, GeneralSecurityException {
        String text = new String(PrivateFiles.readPrivate(keyFile), StandardCharsets.US_ASCII);
        try (PemReader reader = new PemReader(new StringReader(text))) {
            PemObject object = reader.readPemObject();
            if (object == null || !"PRIVATE KEY".equals(object.getType())) {
                throw new IllegalStateException(keyFile + " does not hold a PKCS#8 PEM private key");
            }
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(object.getContent()));
        }
    }

    private static X509Certificate readCertificate(Path certFile) throws IOException, GeneralSecurityException {
        byte[] content = Files.readAllBytes(certFile);
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(content));
    }

    private static byte[] pem(String type, byte[] der) throws IOException {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject(type, der));
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
