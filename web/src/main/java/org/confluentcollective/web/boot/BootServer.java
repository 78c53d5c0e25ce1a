package org.confluentcollective.web.boot;

import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.confluentcollective.dhcp.DhcpSettings;
import org.confluentcollective.server.api.DeploymentProfiles;
import org.confluentcollective.server.api.DeploymentView;
import org.confluentcollective.server.api.NodeDeployment;
import org.confluentcollective.web.errors.JsonErrorHandler;
import org.confluentcollective.web.errors.MediaTypeHeadersFilter;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * Jetty on the deployment port (plain HTTP: firmware and iPXE trust no certificate of ours).
 * {@code /confluent-public/os/} is the deployment root's {@code profiles/} directory as static
 * files (ranges, no listings, no symbolic links out of it: Jetty's default alias check);
 * {@link DhcpSettings#LOADER_PATH} is the TFTP root the same way, for UEFI HTTP boot (the firmware
 * fetches the iPXE loader the DHCP answer names, as {@code application/efi}); the rest is
 * {@link BootApplication}. A thread pool of its own, so booting nodes never take the API's.
 */
public final class BootServer implements AutoCloseable {

    private static final Duration IDLE = Duration.ofSeconds(30);

    private final Server server;
    private final ServerConnector connector;

    private BootServer(Server server, ServerConnector connector) {
        this.server = server;
        this.connector = connector;
    }

    public static BootServer start(String address, int port, DeploymentView view, DeploymentProfiles profiles,
                                   NodeDeployment deployment) throws Exception {
        Path files = profiles.root().resolve("profiles");
        try {
            Files.createDirectories(files);
            Files.createDirectories(profiles.tftpRoot());
        } catch (IOException e) {
            throw new IOException("cannot create the deployment root " + profiles.root() + " (setting deploy.root): "
                    + e, e);
        }
        QueuedThreadPool threads = new QueuedThreadPool(32, 2);
        threads.setName("confluentd-boot");
        Server server = new Server(threads);
        server.setStopAtShutdown(false);
        server.setErrorHandler(new JsonErrorHandler());
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setIdleTimeout(IDLE.toMillis());
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(address);
        connector.setPort(port);
        server.addConnector(connector);

        ResourceHandler resources = files(files);
        ContextHandler publicFiles = new ContextHandler(readOnly(resources), "/confluent-public/os");
        ContextHandler loaderFiles = new ContextHandler(readOnly(files(profiles.tftpRoot())),
                DhcpSettings.LOADER_PATH.substring(0, DhcpSettings.LOADER_PATH.length() - 1));
        // EDK2 HTTP boot runs what it gets as an EFI image by this type (else by the URL's ".efi").
        loaderFiles.getMimeTypes().addMimeMapping("efi", "application/efi");

        ServletContextHandler api = new ServletContextHandler("/");
        api.setErrorHandler(new JsonErrorHandler());
        api.addFilter(MediaTypeHeadersFilter.class, "/*", EnumSet.of(DispatcherType.REQUEST));
        api.addServlet(new ServletHolder("boot", new ServletContainer(
                new BootApplication(view, profiles, deployment))), "/*");
        server.setHandler(new ContextHandlerCollection(publicFiles, loaderFiles, api));
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception stopping) {
                e.addSuppressed(stopping);
            }
            throw e;
        }
        return new BootServer(server, connector);
    }

    /** A directory's files: ranges, no listings. */
    private static ResourceHandler files(Path directory) {
        ResourceHandler resources = new ResourceHandler();
        resources.setBaseResource(ResourceFactory.of(resources).newResource(directory));
        resources.setDirAllowed(false);
        resources.setAcceptRanges(true);
        return resources;
    }

    /**
     * Only GET and HEAD reach the files; other methods go on to the application, which answers
     * them 404 in JSON. Jetty's ResourceHandler answers an OPTIONS for a missing file with a 500
     * (it writes a body after promising none).
     */
    private static Handler readOnly(Handler files) {
        return new Handler.Wrapper(files) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String method = request.getMethod();
                return (HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method)) && super.handle(request, response, callback);
            }
        };
    }

    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
