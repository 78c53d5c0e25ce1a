package org.confluentcollective.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.confluentcollective.web.ApiClient.Answer;
import org.confluentcollective.web.FuzzRun.Expect;
import org.confluentcollective.web.FuzzRun.Shot;
import org.confluentcollective.web.RawHttp.Reply;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's fuzz test: thousands of mutated and hostile requests from concurrent clients against
 * a real daemon, over HTTPS with credentials and over the root socket, well-formed and raw. First
 * only requests that must be refused (the database must be unchanged by them), then a mix that
 * also changes things. No answer may be a 5xx or take over 5 s; the daemon must live on with a
 * bounded heap. Inputs that still fail in server code outside the web layer are left out, each
 * with the point of issue 10 that covers it. The seed is printed for replay.
 */
@Tag("slow")
class ApiFuzzTest {

    static final int REJECTED_REQUESTS = 2_500;
    static final int MIXED_REQUESTS = 2_700;
    static final String[] METHODS = {"GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "FOO"};
    static final String[] WRITES = {"PUT", "POST", "DELETE", "PATCH"};
    static final String[] VIEWS = {"current", "all", "rename", "expression", "x", ""};

    @TempDir
    Path dir;

    DaemonFixture fixture;
    ApiClient admin;
    ApiClient monitor;

    @Test
    void mutatedAndHostileRequests() throws Exception {
        long seed = System.nanoTime();
        try (DaemonFixture started = DaemonFixture.start(dir.resolve("state"))) {
            fixture = started;
            for (String[] user : new String[][] {{"fz-admin", "admin"}, {"fz-mon", "monitor"}}) {
                Answer created = fixture.socket.post("/users/", "{\"name\":\"" + user[0] + "\",\"role\":\"" + user[1]
                        + "\",\"password\":\"pw-" + user[0] + "\"}");
                assertEquals(201, created.status(), created.text());
            }
            admin = fixture.https.as("fz-admin", "pw-fz-admin");
            monitor = fixture.https.as("fz-mon", "pw-fz-mon");
            assertEquals(201, fixture.socket.post("/nodegroups/", "{\"name\":\"fzg\",\"location.rack\":\"7\"}").status());
            assertEquals(201, fixture.socket.post("/noderange/",
                    "{\"name\":\"fz[1-20]\",\"groups\":[\"fzg\"],\"location.u\":\"{n1}\"}").status(), "seed nodes");
            assertEquals(200, admin.get("/nodes/").status());
            assertEquals(200, monitor.get("/nodes/").status());
            long heapBefore = usedHeapAfterGc();

            Map<String, JsonNode> before = fixture.dump();
            FuzzRun refused = new FuzzRun("ApiFuzzTest refused requests", seed);
            refused.run(REJECTED_REQUESTS, this::rejected);
            refused.assertNoFailures();
            assertEquals(before, fixture.dump(), "a refused request changed the database");

            FuzzRun mixed = new FuzzRun("ApiFuzzTest mixed requests", seed + 1);
            mixed.run(MIXED_REQUESTS, this::mixed);
            mixed.assertNoFailures();
            assertEquals(200, fixture.socket.get("/").status(), "the daemon is alive");
            assertEquals(200, admin.get("/nodes/").status());
            long grown = usedHeapAfterGc() - heapBefore;
            assertTrue(grown < 200L * 1024 * 1024, "heap grew by " + grown / (1024 * 1024) + " MiB");
            System.out.println("ApiFuzzTest: heap grew by " + grown / (1024 * 1024) + " MiB");
        }
    }

    // ---- requests that must all be refused ----

    private Shot rejected(Random r) {
        String method = pick(r, WRITES);
        String path = path(r);
        return switch (r.nextInt(10)) {
            case 0 -> http(fixture.https, pick(r, METHODS), path, "application/json", body(r), true, "anonymous");
            case 1 -> http(fixture.https.as("fz-ghost" + r.nextInt(50), "guess"), pick(r, METHODS), path,
                    "application/json", body(r), true, "wrong password");
            case 2 -> http(monitor, method, path, "application/json", body(r), true, "monitor writes");
            case 3 -> http(r.nextBoolean() ? admin : fixture.socket, "PUT", changePath(r), "application/json",
                    malformed(r), true, "malformed change");
            case 4 -> http(r.nextBoolean() ? admin : fixture.socket, "POST", r.nextBoolean() ? "/nodes/" : "/nodegroups/",
                    "application/json", badDefinition(r), true, "bad definition");
            case 5 -> http(admin, "PUT", changePath(r), pick(r, new String[] {"text/plain", "application/xml",
                    "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}),
                    "location.rack=9".getBytes(StandardCharsets.UTF_8), true, "wrong content type");
            case 6 -> oversized(r);
            case 7, 8 -> raw(r, true);
            default -> http(r.nextBoolean() ? admin : fixture.socket, r.nextBoolean() ? "GET" : "HEAD", path, null,
                    null, false, "read");
        };
    }

    // ---- a mix of everything, changes included ----

    private Shot mixed(Random r) {
        ApiClient client = r.nextBoolean() ? admin : fixture.socket;
        return switch (r.nextInt(8)) {
            case 0, 1 -> http(client, "PUT", changePath(r), "application/json", mutate(r, validChange(r)), false,
                    "mutated change");
            case 2 -> http(client, "POST", r.nextBoolean() ? "/nodes/" : "/nodegroups/", "application/json",
                    mutate(r, ("{\"name\":\"fzm" + r.nextInt(40) + "\",\"groups\":[\"fzg\"]}").getBytes(StandardCharsets.UTF_8)),
                    false, "mutated definition");
            case 3 -> http(client, r.nextBoolean() ? "DELETE" : "GET", r.nextBoolean() ? "/nodes/fzm" + r.nextInt(40)
                    : "/noderange/" + enc(noderange(r)) + "/", null, null, false, "delete or read");
            case 4 -> http(client, pick(r, METHODS), path(r), "application/json", body(r), false, "random");
            case 5 -> raw(r, false);
            case 6 -> slowBody(r);
            default -> http(client, "GET", "/noderange/" + enc(noderange(r)) + "/attributes/" + pick(r, VIEWS)
                    + "?attr=" + pick(r, new String[] {"location.*", "groups", "*", "bmc", "x.y"}), null, null,
                    false, "noderange read");
        };
    }

    private Shot http(ApiClient client, String method, String path, String type, byte[] body, boolean refused,
                      String what) {
        return new Shot(method + " " + path + " (" + what + ")", refused ? Expect.REFUSED : Expect.ANSWERED, () -> {
            var request = client.request(method, path);
            if (body != null && !method.equals("GET") && !method.equals("HEAD")) {
                request.body(new org.eclipse.jetty.client.BytesRequestContent(type, body));
            }
            Answer answer = client.send(request);
            return new Reply(answer.status(), "HTTP/1.1 " + answer.status() + "\r\n" + answer.headers(), answer.text());
        });
    }

    /** Requests no client library sends, over TLS (with credentials) or the root socket. */
    private Shot raw(Random r, boolean refused) {
        String auth = rawAuth();
        String target = changePath(r);
        String[] requests = {
            "GARBAGE " + target + "\r\n\r\n",
            "PUT " + target + " HTTP/1.1\r\nHost: x\r\n" + auth + "no colon\r\n\r\n",
            "PUT " + target + " HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + pick(r, new String[] {"zz", "-1", "fffffffffffffffff", "1;;;"})
                    + "\r\n{\r\n0\r\n\r\n",
            "PUT " + target + " HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
                    + "Content-Length: 5\r\nContent-Length: 7\r\n\r\n{\"a\":1}",
            "GET /" + "n".repeat(9000 + r.nextInt(9000)) + " HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(9000 + r.nextInt(20000)) + "\r\n\r\n",
            "GET / HTTP/" + (2 + r.nextInt(8)) + "." + r.nextInt(10) + "\r\nHost: x\r\n\r\n",
            "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
            "PUT " + target + " HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\n"
                    + "Content-Length: -3\r\n\r\n{}",
        };
        int chosen = r.nextInt(requests.length);
        String request = requests[chosen];
        boolean socket = r.nextBoolean();
        String what = "raw " + (socket ? "socket " : "tls ") + request.substring(0, Math.min(80, request.length()))
                .replace("\r\n", "|");
        Expect expect = chosen == 0 || chosen == 6 ? Expect.BROKEN : refused ? Expect.REFUSED : Expect.ANSWERED;
        return new Shot(what, expect, () -> {
            try (RawHttp connection = socket ? RawHttp.unix(fixture.daemon.socketPath())
                    : RawHttp.tls(fixture.daemon.httpsPort(), Duration.ofSeconds(10))) {
                return connection.send(request).read();
            }
        });
    }

    /** A complete body sent in pieces over about a second: slow, but to be answered normally. */
    private Shot slowBody(Random r) {
        byte[] body = validChange(r);
        String head = "PUT " + changePath(r) + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        return new Shot("slow body", Expect.ANSWERED, () -> {
            try (RawHttp connection = RawHttp.unix(fixture.daemon.socketPath())) {
                connection.send(head);
                try {
                    for (int i = 0; i < body.length; i += 4) {
                        connection.send(java.util.Arrays.copyOfRange(body, i, Math.min(body.length, i + 4)));
                        Thread.sleep(50);
                    }
                } catch (java.io.IOException e) {
                    // Answered (a 404, say) before the body was needed, and closed: the answer is there.
                }
                return connection.read();
            }
        });
    }

    // ---- generators ----

    private String path(Random r) {
        String node = r.nextBoolean() ? "fz" + (1 + r.nextInt(25)) : enc(junkSegment(r));
        return switch (r.nextInt(14)) {
            case 0 -> "/";
            case 1 -> "/nodes/";
            case 2 -> "/nodes/" + node;
            case 3 -> "/nodes/" + node + "/attributes/" + pick(r, VIEWS);
            case 4 -> "/nodegroups/" + (r.nextBoolean() ? "fzg" : enc(junkSegment(r))) + "/attributes/current";
            case 5 -> "/noderange/" + enc(noderange(r)) + "/nodes/";
            case 6 -> "/noderange/" + enc(noderange(r)) + "/attributes/" + pick(r, VIEWS);
            case 7 -> "/users/" + (r.nextBoolean() ? "fz-u" + r.nextInt(5) : enc(junkSegment(r)));
            case 8 -> "/collective/" + pick(r, new String[] {"", "members/m1", "invites", "enroll", "join",
                    "recover", "zookeeper"});
            case 9 -> "/version";
            case 10 -> "/" + enc(junkSegment(r)) + "/" + enc(junkSegment(r));
            case 11 -> pick(r, new String[] {"/../../etc/passwd", "//", "/nodes/%00", "/nodes/%2e%2e/",
                    "/nodes/;x=1/", "/nodes/?" + "a=".repeat(200), "/nodes/..;/users/"});
            case 12 -> "/zookeeper/ls?path=" + enc("/" + junkSegment(r));
            default -> "/noderange/" + enc(noderange(r));
        };
    }

    private String changePath(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> "/nodes/fz" + (1 + r.nextInt(20)) + "/attributes/current";
            case 1 -> "/nodegroups/fzg/attributes/current";
            default -> "/noderange/" + enc(noderange(r)) + "/attributes/current";
        };
    }

    /**
     * Noderanges from a small grammar. Left out, each for server code outside the web layer:
     * regular expressions ({@code /re/}, {@code ~re}, {@code =~}: issue 10 point 4, no linear-time
     * engine yet), ranges over a few hundred names (point 5) and deep parentheses (point 7).
     */
    private static String noderange(Random r) {
        StringBuilder out = new StringBuilder();
        int parts = 1 + r.nextInt(3);
        for (int i = 0; i < parts; i++) {
            if (i > 0) {
                out.append(pick(r, new String[] {",", ",-", "@", " ", ":", ","}));
            }
            out.append(switch (r.nextInt(8)) {
                case 0 -> "fz" + (1 + r.nextInt(25));
                case 1 -> "fz[" + r.nextInt(30) + "-" + r.nextInt(30) + "]";
                case 2 -> "fzg";
                case 3 -> "location.rack=" + r.nextInt(9);
                case 4 -> "fz" + r.nextInt(9) + ":fz" + r.nextInt(30);
                case 5 -> "(" + "fz" + r.nextInt(9) + ")";
                case 6 -> "fz" + r.nextInt(5) + "+" + r.nextInt(5);
                default -> junkSegment(r);
            });
        }
        return out.toString();
    }

    /** Printable ASCII junk without the characters that select a regular expression (point 4). */
    private static String junkSegment(Random r) {
        String alphabet = "abcxyz0123456789-_.,[]()@=:!<>%&{}'\"#$^|\\ ";
        StringBuilder out = new StringBuilder();
        int length = 1 + r.nextInt(20);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static byte[] body(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> null;
            case 1 -> validChange(r);
            case 2 -> malformed(r);
            default -> randomBytes(r, r.nextInt(300));
        };
    }

    private static byte[] validChange(Random r) {
        String value = switch (r.nextInt(5)) {
            case 0 -> "\"" + r.nextInt(100) + "\"";
            case 1 -> String.valueOf(r.nextInt(100));
            case 2 -> "{\"value\":\"{node}-x" + r.nextInt(9) + "\"}";
            case 3 -> "null";
            default -> "\"" + unicode(r) + "\"";
        };
        String attribute = pick(r, new String[] {"location.rack", "location.u", "location.room", "groups",
                "hardwaremanagement.manager", "console.method", "secret.hardwaremanagementpassword"});
        return ("{\"" + attribute + "\":" + value + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** Valid code points only: lone surrogates are issue 10 point 10, for the server's validation. */
    private static String unicode(Random r) {
        StringBuilder out = new StringBuilder();
        int length = r.nextInt(20);
        for (int i = 0; i < length; i++) {
            int cp = pick(r, new int[] {'a' + r.nextInt(26), 0x20 + r.nextInt(0x5f), 0xe9, 0x4e2d, 0x1f600, 0x200b});
            if (cp != '"' && cp != '\\') {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** Bodies that cannot be a valid change: broken JSON, wrong shapes, unknown attributes. */
    private static byte[] malformed(Random r) {
        String text = switch (r.nextInt(10)) {
            case 0 -> "";
            case 1 -> "{";
            case 2 -> "{\"location.rack\":";
            case 3 -> "[".repeat(1 + r.nextInt(5000));
            case 4 -> "{\"a\":".repeat(1 + r.nextInt(3000));
            case 5 -> "{\"fuzz" + r.nextInt(1000) + ".attr\":\"1\"}";
            case 6 -> "{\"location.rack\":\"1\",\"location.rack\":\"2\"}";
            case 7 -> "\"just a string\"";
            case 8 -> "{\"location.rack\":1}garbage";
            default -> new String(randomBytes(r, 1 + r.nextInt(200)), StandardCharsets.ISO_8859_1) + "{";
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] badDefinition(Random r) {
        String name = pick(r, new String[] {"", "a/b", "a b", "..", "-x", "x,y", "x[1-2]", "@g", "\\u0000", "é",
                "x".repeat(300)});
        return r.nextBoolean() ? malformed(r)
                : ("{\"name\":\"" + name + "\",\"fuzz.nope\":\"1\"}").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A body over the 1 MiB limit, raw: a client library stops reading when the server answers
     * (a 404 for the noderange, say) and closes before the body is sent, losing the answer.
     */
    private Shot oversized(Random r) {
        byte[] body = new byte[1024 * 1024 + 1 + r.nextInt(1024 * 1024)];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        boolean chunked = r.nextBoolean();
        String head = "PUT " + changePath(r) + " HTTP/1.1\r\nHost: x\r\n" + rawAuth() + "Content-Type: application/json\r\n"
                + (chunked ? "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length) + "\r\n"
                : "Content-Length: " + body.length + "\r\n\r\n");
        return new Shot("oversized " + (chunked ? "chunked " : "") + head.substring(0, head.indexOf('\r')), Expect.REFUSED,
                () -> {
            try (RawHttp connection = RawHttp.tls(fixture.daemon.httpsPort(), Duration.ofSeconds(10))) {
                try {
                    connection.send(head).send(body).send(chunked ? "\r\n0\r\n\r\n" : "");
                } catch (java.io.IOException e) {
                    // Refused before the whole body was read, and closed: the answer is there.
                }
                return connection.read();
            }
        });
    }

    private static String rawAuth() {
        return "Authorization: Basic " + java.util.Base64.getEncoder()
                .encodeToString("fz-admin:pw-fz-admin".getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    /** Applies a few random byte mutations: flips, drops, duplications, insertions. */
    private static byte[] mutate(Random r, byte[] input) {
        byte[] out = input.clone();
        int mutations = r.nextInt(4);
        for (int m = 0; m < mutations && out.length > 1; m++) {
            int at = r.nextInt(out.length);
            out = switch (r.nextInt(4)) {
                case 0 -> {
                    out[at] = (byte) (32 + r.nextInt(95));
                    yield out;
                }
                case 1 -> concat(java.util.Arrays.copyOf(out, at), java.util.Arrays.copyOfRange(out, at + 1, out.length));
                case 2 -> concat(java.util.Arrays.copyOf(out, at + 1), java.util.Arrays.copyOfRange(out, at, out.length));
                default -> concat(concat(java.util.Arrays.copyOf(out, at), pick(r, new String[] {"{", "}", "\"", ",",
                        "[", "]", ":", "null", "1e5", "-0", "true", "\\u00e9"}).getBytes(StandardCharsets.UTF_8)),
                        java.util.Arrays.copyOfRange(out, at, out.length));
            };
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] randomBytes(Random r, int length) {
        byte[] bytes = new byte[length];
        r.nextBytes(bytes);
        return bytes;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String pick(Random r, String[] choices) {
        return choices[r.nextInt(choices.length)];
    }

    private static int pick(Random r, int[] choices) {
        return choices[r.nextInt(choices.length)];
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
