package org.confluentcollective.web.transport;

import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CRL;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import javax.net.ssl.TrustManager;
import org.confluentcollective.web.errors.JsonErrorHandler;
import org.confluentcollective.web.errors.MediaTypeHeadersFilter;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/** Jetty serving one Jersey application on HTTPS and on the local root socket. */
public final class ApiServer implements AutoCloseable {

    /** The connector name that marks member-to-member requests. */
    static final String MEMBER_CONNECTOR = "member";

    /**
     * No acceptor threads: connections are accepted by the connectors' selectors, which accept
     * nothing once stopped. An acceptor thread can still take a connection while its connector
     * stops (or lose it to the interrupt that stops it), and nothing would serve or close it.
     */
    private static final int ACCEPT_ON_SELECTOR = 0;

    private final Server server;
    private final ServerConnector https;
    private final ServerConnector member;
    private final LocalSocket socket;
    private final MemberConnections memberConnections;
    private final AcceptedConnections accepted;

    private ApiServer(Server server, ServerConnector https, ServerConnector member, LocalSocket socket,
                      MemberConnections memberConnections, AcceptedConnections accepted) {
        this.server = server;
        this.https = https;
        this.member = member;
        this.socket = socket;
        this.memberConnections = memberConnections;
        this.accepted = accepted;
    }

    /** The ports the connectors bound, known before the application is built. */
    public record Ports(int https, int member) {
    }

    public static ApiServer start(ApiServerSettings settings, ResourceConfig application) throws Exception {
        return start(settings, RequestLimits.DEFAULT, ports -> application);
    }

    public static ApiServer start(ApiServerSettings settings, Function<Ports, ResourceConfig> application)
            throws Exception {
        return start(settings, RequestLimits.DEFAULT, application);
    }

    /**
     * Binds the ports, then serves the application built for them: an application that needs
     * its own ports (to tell another member, when joining) gets them without waiting for a start.
     */
    public static ApiServer start(ApiServerSettings settings, RequestLimits limits,
                                  Function<Ports, ResourceConfig> application) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(limits.threads(), 4);
        threads.setName("confluentd-api");
        Server server = new Server(threads);
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopAtShutdown(false); // Confluentd closes everything in order itself.

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // A noderange such as /regex/ arrives as one segment with %2F inside; Jetty must pass it on,
        // and blanks (%20, %09) too, which the noderange parser ignores around operators. Control
        // characters are refused by ControlCharacterFilter with a message naming them.
        http.setUriCompliance(UriCompliance.DEFAULT.with("noderange", UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
                UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS));
        limits.configure(http);

        ServerConnector https = httpsConnector(server, http, settings);
        server.addConnector(https);
        MemberConnections memberConnections = new MemberConnections(settings.memberTrust());
        ServerConnector member = memberConnector(server, http, settings);
        member.addEventListener(memberConnections);
        server.addConnector(member);

        LocalSocket socket = LocalSocket.prepare(settings.socketPath());
        UnixDomainServerConnector local = new UnixDomainServerConnector(server, ACCEPT_ON_SELECTOR, -1,
                new HttpConnectionFactory(http));
        local.setUnixDomainPath(socket.bindPath());
        server.addConnector(local);

        AcceptedConnections accepted = new AcceptedConnections();
        List.of(https, member, local).forEach(connector -> connector.addBean(accepted));

        try {
            https.open();
            member.open();
            ServletContextHandler context = new ServletContextHandler("/");
            context.getServletHandler().setDecodeAmbiguousURIs(true);
            context.setErrorHandler(new JsonErrorHandler());
            context.addFilter(MediaTypeHeadersFilter.class, "/*", EnumSet.of(DispatcherType.REQUEST));
            context.addServlet(new ServletHolder("api", new ServletContainer(
                    application.apply(new Ports(https.getLocalPort(), member.getLocalPort())))), "/*");
            server.setHandler(limits.limit(new AfterAnswer.Installer(new RequestOriginMarker(context))));
            server.start();
            socket.publish();
        } catch (Exception e) {
            stopQuietly(server, e);
            accepted.close();
            // Bound before the start, so a server that never started still holds them.
            https.close();
            member.close();
            socket.remove();
            throw e;
        }
        return new ApiServer(server, https, member, socket, memberConnections, accepted);
    }

    /**
     * Users' HTTPS: password authentication. It asks for, but does not require, a client
     * certificate and names no CA, so a joining member shows its self-signed certificate here,
     * before any member trusts it: the join binds its proof to that certificate.
     */
    private static ServerConnector httpsConnector(Server server, HttpConfiguration http, ApiServerSettings settings) {
        SslContextFactory.Server tls = tlsWithTrust(settings, SslContextFactory.TRUST_ALL_CERTS);
        TlsPolicy.forUsers(tls);
        tls.setWantClientAuth(true);
        return connector(server, http, tls, settings.httpsAddress(), settings.httpsPort());
    }

    /** Member-to-member requests: mutual TLS admitting only pinned member certificates. */
    private static ServerConnector memberConnector(Server server, HttpConfiguration http, ApiServerSettings settings) {
        SslContextFactory.Server tls = tlsWithTrust(settings, new TrustManager[] {settings.memberTrust()});
        TlsPolicy.forMembers(tls);
        tls.setNeedClientAuth(true);
        ServerConnector connector = connector(server, http, tls, settings.memberAddress(), settings.memberPort());
        connector.setName(MEMBER_CONNECTOR);
        return connector;
    }

    /** The member's key, and {@code trust} deciding about client certificates. */
    private static SslContextFactory.Server tlsWithTrust(ApiServerSettings settings, TrustManager[] trust) {
        SslContextFactory.Server tls = new SslContextFactory.Server() {
            @Override
            protected TrustManager[] getTrustManagers(KeyStore trustStore, Collection<? extends CRL> crls) {
                return trust;
            }
        };
        tls.setKeyStore(settings.tls().keyStore());
        tls.setKeyStorePassword(new String(settings.tls().password()));
        tls.setSniRequired(false);
        return tls;
    }

    private static ServerConnector connector(Server server, HttpConfiguration http, SslContextFactory.Server tls,
                                             String host, int port) {
        HttpConfiguration secure = new HttpConfiguration(http);
        SecureRequestCustomizer customizer = new SecureRequestCustomizer();
        // Clients reach members by address as often as by name; the certificate is pinned, not matched to a host.
        customizer.setSniHostCheck(false);
        secure.addCustomizer(customizer);
        ServerConnector connector = new ServerConnector(server, ACCEPT_ON_SELECTOR, -1,
                new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(secure));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    /** Ends the member API connections of certificates the member trust no longer admits. */
    public void closeUntrustedMemberConnections() {
        memberConnections.closeUntrusted();
    }

    public int memberPort() {
        return member.getLocalPort();
    }

    public int httpsPort() {
        return https.getLocalPort();
    }

    public Path socketPath() {
        return socket.target();
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            accepted.close();
            socket.remove();
        }
    }

    private static void stopQuietly(Server server, Exception cause) {
        try {
            server.stop();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }
}
