package org.confluentcollective.hardware.redfish;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.confluentcollective.hardware.bmc.Bmc;
import org.confluentcollective.hardware.bmc.BmcConnector;
import org.confluentcollective.hardware.bmc.BmcException;
import org.confluentcollective.hardware.bmc.BmcException.Kind;
import org.confluentcollective.hardware.bmc.BmcTarget;

/**
 * Opens Redfish BMC connections over HTTPS ({@code hardwaremanagement.method=redfish}). Each
 * connection has an HTTP client of its own, whose TLS context trusts only that BMC's pinned
 * certificate (or, when none is pinned, the one it presents, pinned once the login succeeded);
 * the clients share the connector's threads.
 */
public final class RedfishConnector implements BmcConnector {

    private static final int HTTPS_PORT = 443;

    private final ObjectMapper json;
    private final ExecutorService executor;

    public RedfishConnector(ObjectMapper json) {
        this.json = json;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "redfish-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Bmc open(BmcTarget target) throws BmcException {
        Optional<String> pinned = target.pinned().map(String::strip).filter(pin -> !pin.isEmpty());
        if (pinned.isPresent() && !PinningTrustManager.validPin(pinned.get())) {
            throw new BmcException(Kind.BAD_SETTINGS, target.node() + ": pubkeys.tls_hardwaremanager is not a"
                    + " certificate fingerprint (sha512$<hex> or sha256$<hex>)");
        }
        PinningTrustManager trust = new PinningTrustManager(pinned);
        HttpClient http = HttpClient.newBuilder()
                .sslContext(tls(trust))
                .connectTimeout(target.timeout())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        RedfishSession session = RedfishSession.login(target, http, trust, json, base(target));
        try {
            RedfishBmc bmc = RedfishBmc.connect(session, json);
            if (pinned.isEmpty()) {
                target.pinFirstUse().pin(target.node(), session.certificate().orElseThrow());
            }
            return bmc;
        } catch (BmcException | RuntimeException e) {
            session.logout();
            throw e;
        }
    }

    private static SSLContext tls(PinningTrustManager trust) throws BmcException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new BmcException(Kind.BMC_ERROR, "no TLS available in this JVM", e);
        }
    }

    private static URI base(BmcTarget target) throws BmcException {
        try {
            return new URI("https", null, target.endpoint().host(), target.endpoint().portOr(HTTPS_PORT), "/",
                    null, null);
        } catch (URISyntaxException e) {
            throw new BmcException(Kind.BAD_SETTINGS, target.node() + ": " + target.endpoint()
                    + " cannot be used in a URL", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
