package org.confluentcollective.server.trust;

import java.io.IOException;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a TLS peer exactly when the fingerprint of its leaf certificate is pinned, with no CA,
 * chain or host-name check: members know each other by the certificates exchanged during the
 * join, and the TLS handshake proves the peer holds the matching private key. The pinned set is
 * live (the member registry updates it as members join and leave) and thread-safe; a change
 * applies to the next handshake. Used for both directions, so for mutual TLS.
 *
 * <p>Validity dates are deliberately not checked: the pin, not the calendar, is the identity,
 * and a member with a wrong clock should not be cut off from the collective.
 */
public final class PinnedTrustManager extends X509ExtendedTrustManager {

    private static final Pattern FINGERPRINT = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];

    private final Set<String> pinned = ConcurrentHashMap.newKeySet();
    private final List<Consumer<String>> unpinListeners = new CopyOnWriteArrayList<>();
    /**
     * The sockets each pin admitted (ZooKeeper's quorum and election connections are plain
     * SSLSockets), so that dropping the pin also ends connections opened while it was trusted.
     * Weakly held: a socket ZooKeeper has let go of is not kept alive here.
     */
    private final Map<String, Set<Socket>> admitted = new ConcurrentHashMap<>();

    public PinnedTrustManager() {
    }

    public PinnedTrustManager(Collection<String> fingerprints) {
        fingerprints.forEach(this::pin);
    }

    /** Trusts the certificate with this fingerprint ({@code sha256:<hex>}, as MemberIdentity prints it). */
    public void pin(String fingerprint) {
        pinned.add(normalize(fingerprint));
    }

    /**
     * Stops trusting this fingerprint for new handshakes and tells the {@link #onUnpin}
     * listeners, which end the connections and sessions that were opened while it was trusted.
     */
    public void unpin(String fingerprint) {
        String f = normalize(fingerprint);
        if (pinned.remove(f)) {
            closeAdmitted(f);
            unpinListeners.forEach(listener -> listener.accept(f));
        }
    }

    /** Calls {@code listener} with each fingerprint that stops being trusted. */
    public void onUnpin(Consumer<String> listener) {
        unpinListeners.add(listener);
    }

    /** A snapshot of the pinned fingerprints. */
    public Set<String> pinned() {
        return Set.copyOf(pinned);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        remember(check(chain), socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        remember(check(chain), socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain);
    }

    /** Empty: no CA is trusted, so peers should send their own certificate without filtering. */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return NO_ISSUERS;
    }

    private void remember(String fingerprint, Socket socket) {
        if (socket == null) {
            return;
        }
        Set<Socket> sockets = admitted.computeIfAbsent(fingerprint,
                f -> Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>())));
        sockets.removeIf(Socket::isClosed);
        sockets.add(socket);
    }

    /**
     * Closes the sockets a dropped pin admitted, on a thread of its own: closing a TLS socket may
     * wait for its peer, and the caller is the registry's watcher.
     */
    private void closeAdmitted(String fingerprint) {
        Set<Socket> sockets = admitted.remove(fingerprint);
        if (sockets == null) {
            return;
        }
        List<Socket> open;
        synchronized (sockets) {
            open = sockets.stream().filter(socket -> !socket.isClosed()).toList();
        }
        if (open.isEmpty()) {
            return;
        }
        Thread closer = new Thread(() -> open.forEach(PinnedTrustManager::closeQuietly),
                "closing connections of " + fingerprint);
        closer.setDaemon(true);
        closer.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException alreadyBroken) {
            // the connection is gone either way
        }
    }

    private String check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("peer presented no certificate");
        }
        String fingerprint;
        try {
            fingerprint = MemberIdentity.fingerprintOf(chain[0]);
        } catch (IllegalArgumentException e) {
            throw new CertificateException("peer certificate cannot be encoded", e);
        }
        if (!pinned.contains(fingerprint)) {
            throw new CertificateException("peer certificate " + fingerprint + " ("
                    + chain[0].getSubjectX500Principal().getName() + ") is not a pinned member certificate");
        }
        return fingerprint;
    }

    private static String normalize(String fingerprint) {
        String f = fingerprint == null ? "" : fingerprint.strip().toLowerCase(Locale.ROOT);
        if (!FINGERPRINT.matcher(f).matches()) {
            throw new IllegalArgumentException("not a certificate fingerprint (expected sha256:<64 hex digits>): "
                    + fingerprint);
        }
        return f;
    }
}
