package org.confluentcollective.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run of the class-data-sharing archive made at package time (cli/pom.xml): runs typical
 * command lines in one JVM, against a stand-in for confluentd on a temporary socket, so that the JVM
 * started with {@code -XX:ArchiveClassesAtExit} archives the classes a real call loads. The
 * launcher then starts with {@code -XX:SharedArchiveFile} (docs/benchmarks.md, "CLI start time").
 * Not a command; prints nothing but a line on failure.
 */
public final class CdsTraining {

    private static final List<List<String>> COMMANDS = List.of(
            List.of("--help"),
            List.of("nodelist", "--help"),
            List.of("nodeattrib", "--help"),
            List.of("nodelist", "n1"),
            List.of("-o", "json", "nodelist", "n1"),
            List.of("nodelist", "n1", "location.rack"),
            List.of("nodeattrib", "n1", "all"),
            List.of("nodeattrib", "n1", "location.rak=1"),
            List.of("nodedefine", "n1", "location.rack=1"),
            List.of("noderemove", "n1"),
            List.of("nodepower", "n1"),
            List.of("nodeatrib", "n1"),
            List.of("nodelist", "--bogus"));

    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("confluentctl-cds");
        Path socket = dir.resolve("api.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread daemon = new Thread(() -> serve(server), "training-daemon");
            daemon.setDaemon(true);
            daemon.start();
            Environment environment = new Environment(Map.of("CONFLUENT_SOCKET", socket.toString()), dir,
                    (prompt, alternative) -> {
                        throw new CliException("no prompts in training");
                    }, InputStream.nullInputStream());
            for (List<String> command : COMMANDS) {
                ConfluentCtl.run(environment, nowhere(), nowhere(), command.toArray(String[]::new));
            }
            // a daemon that is not running
            ConfluentCtl.run(environment, nowhere(), nowhere(), "--socket", dir.resolve("none").toString(),
                    "nodelist");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static PrintWriter nowhere() {
        return new PrintWriter(Writer.nullWriter());
    }

    /** Answers like confluentd would, enough for the commands above to take their usual paths. */
    private static void serve(ServerSocketChannel server) {
        while (true) {
            try (SocketChannel connection = server.accept()) {
                InputStream in = Channels.newInputStream(connection);
                String head = readHead(in);
                String[] requestLine = head.substring(0, head.indexOf('\r')).split(" ");
                int length = contentLength(head);
                in.readNBytes(length);
                OutputStream out = Channels.newOutputStream(connection);
                out.write(answer(requestLine[0], requestLine[1]).getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException | RuntimeException e) {
                if (!server.isOpen()) {
                    return;
                }
            }
        }
    }

    private static String answer(String method, String target) {
        if (target.contains("/attributes/") && method.equals("GET")) {
            String body = "{\"databynode\":[{\"n1\":{\"location.rack\":{\"value\":\"1\"}}},"
                    + "{\"n1\":{\"groups\":{\"value\":[\"rack1\",\"everything\"]}}}]}";
            return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n";
        }
        if (target.contains("/nodes/") && method.equals("GET")) {
            return ok("{\"_links\":{\"self\":{\"href\":\"./\"},\"item\":[{\"href\":\"n1/\"}]}}");
        }
        if (method.equals("POST")) {
            return ok("{\"created\":[\"n1\"]}");
        }
        if (method.equals("DELETE")) {
            return ok("{\"deleted\":[\"n1\"]}");
        }
        if (target.contains("/power/")) {
            return ok("{\"databynode\":[{\"n1\":{\"state\":{\"value\":\"on\"}}}]}");
        }
        String error = "{\"errorcode\":400,\"error\":\"location.rak attribute is invalid\","
                + "\"suggestions\":[\"location.rack\"]}";
        return "HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: " + error.length()
                + "\r\n\r\n" + error;
    }

    private static String ok(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int c = in.read(); c >= 0; c = in.read()) {
            head.write(c);
            matched = (c == '\r' || c == '\n') ? matched + 1 : 0;
            if (matched == 4) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return 0;
    }
}
