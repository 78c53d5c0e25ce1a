package org.confluentcollective.tftp;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Fetches one large file from this server and from tftpd-hpa ({@code in.tftpd}) on the same
 * machine, in the same run, with curl and atftp (blksize 1428, and windowsize 8 with atftp),
 * and prints seconds, MB/s and the ratios. Run by {@code tftp/bench [sizeMB] [runs]}.
 */
public final class TftpBench {

    /** A client command line, or (command null) our Java test client with these options. */
    private record Case(String name, String server, List<String> command, int port, Map<String, String> options) {
        Case(String name, String server, List<String> command) {
            this(name, server, command, 0, Map.of());
        }
    }

    public static void main(String[] args) throws Exception {
        int sizeMb = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("tftp-bench");
        Process tftpd = null;
        TftpSettings settings = TftpSettings.defaults(dir).withBindAddress(InetAddress.getLoopbackAddress())
                .withPort(0).withTimeout(Duration.ofSeconds(1), 5);
        try (TftpServer ours = new TftpServer(settings)) {
            Path file = ServerFixture.randomFile(dir, "big", (long) sizeMb << 20);
            ServerFixture.randomFile(dir, "warm", 8L << 20);
            String sha = ServerFixture.sha256(file);
            ours.start();
            int hpaPort = freePort();
            tftpd = new ProcessBuilder("in.tftpd", "-L", "-a", "127.0.0.1:" + hpaPort, "-s", "-v", "-u", "root",
                    dir.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(300);
            Map<String, Integer> ports = Map.of("ours", ours.port(), "tftpd-hpa", hpaPort);
            System.out.printf("file %d MB, %d runs each (median), %d cores, ours on %d, tftpd-hpa on %d%n",
                    sizeMb, runs, Runtime.getRuntime().availableProcessors(), ours.port(), hpaPort);

            List<Case> cases = new ArrayList<>();
            for (String server : List.of("ours", "tftpd-hpa")) {
                int port = ports.get(server);
                cases.add(new Case("curl blksize 1428", server, List.of("curl", "-sS", "--tftp-blksize", "1428",
                        "-o", "OUT", "tftp://127.0.0.1:" + port + "/FILE")));
                cases.add(new Case("atftp blksize 1428", server, List.of("atftp", "--option", "blksize 1428",
                        "--option", "tsize 0", "--get", "-r", "FILE", "-l", "OUT", "127.0.0.1", Integer.toString(port))));
                cases.add(new Case("atftp blksize 1428 windowsize 8", server, List.of("atftp", "--option",
                        "blksize 1428", "--option", "windowsize 8", "--get", "-r", "FILE", "-l", "OUT", "127.0.0.1",
                        Integer.toString(port))));
                cases.add(new Case("java-client blksize 1428", server, null, port, Map.of("blksize", "1428")));
                cases.add(new Case("java-client blksize 1428 windowsize 8", server, null, port,
                        Map.of("blksize", "1428", "windowsize", "8")));
            }
            // Warm-up (our JIT; both servers' page cache), and a check that every case is byte-identical.
            Path out = dir.resolve("out");
            for (Case c : cases) {
                run(c, "warm", out.toString());
                run(c, "big", out.toString());
                if (!sha.equals(ServerFixture.sha256(out))) {
                    throw new IllegalStateException(c.server() + " " + c.name() + ": file differs");
                }
                Files.delete(out);
            }
            Map<String, Double> median = new LinkedHashMap<>();
            double[][] seconds = new double[cases.size()][runs];
            for (int r = 0; r < runs; r++) {
                for (int i = 0; i < cases.size(); i++) {
                    seconds[i][r] = run(cases.get(i), "big", "/dev/null");
                }
            }
            System.out.printf("%-10s %-32s %8s %8s   %s%n", "server", "client", "seconds", "MB/s", "all runs (s)");
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                double[] s = seconds[i].clone();
                Arrays.sort(s);
                double m = s[runs / 2];
                median.put(c.server() + "|" + c.name(), m);
                System.out.printf("%-10s %-32s %8.2f %8.1f   %s%n", c.server(), c.name(), m, sizeMb / m,
                        Arrays.toString(Arrays.stream(seconds[i]).map(x -> Math.round(x * 100) / 100.0).toArray()));
            }
            System.out.println("ratios (tftpd-hpa seconds / our seconds; above 1 means we are faster):");
            for (String client : List.of("curl blksize 1428", "atftp blksize 1428")) {
                System.out.printf("  %-55s %.2fx%n", client + ", same client and options",
                        median.get("tftpd-hpa|" + client) / median.get("ours|" + client));
            }
            System.out.printf("  %-55s %.2fx%n", "ours atftp windowsize 8 vs tftpd-hpa atftp without",
                    median.get("tftpd-hpa|atftp blksize 1428") / median.get("ours|atftp blksize 1428 windowsize 8"));
            System.out.printf("  %-55s %.2fx%n", "ours atftp windowsize 8 vs tftpd-hpa curl without",
                    median.get("tftpd-hpa|curl blksize 1428") / median.get("ours|atftp blksize 1428 windowsize 8"));
            System.out.printf("  %-55s %.2fx%n", "java-client, same options",
                    median.get("tftpd-hpa|java-client blksize 1428") / median.get("ours|java-client blksize 1428"));
            System.out.printf("  %-55s %.2fx%n", "ours java-client windowsize 8 vs tftpd-hpa without",
                    median.get("tftpd-hpa|java-client blksize 1428")
                            / median.get("ours|java-client blksize 1428 windowsize 8"));
            System.out.println("ours: " + ours.metrics());
        } finally {
            if (tftpd != null) {
                tftpd.destroy();
                if (!tftpd.waitFor(5, TimeUnit.SECONDS)) {
                    tftpd.destroyForcibly();
                }
            }
            try (var files = Files.walk(dir)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double run(Case c, String file, String out) throws IOException, InterruptedException {
        if (c.command() == null) {
            long start = System.nanoTime();
            TestClient client = new TestClient(c.port());
            TestClient.Result r = out.equals("/dev/null") ? client.discarding().get(file, c.options())
                    : client.get(file, c.options());
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!r.ok()) {
                throw new IllegalStateException(c.server() + " " + c.name() + ": error " + r.errorMessage());
            }
            if (!out.equals("/dev/null")) {
                Files.write(Path.of(out), r.data());
            }
            return seconds;
        }
        List<String> command = c.command().stream()
                .map(a -> a.replace("FILE", file).replace("OUT", out)).toList();
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(c.name() + " timed out");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (p.exitValue() != 0) {
            throw new IllegalStateException(c.server() + " " + c.name() + " failed (" + p.exitValue() + "): " + output);
        }
        return seconds;
    }

    private static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
