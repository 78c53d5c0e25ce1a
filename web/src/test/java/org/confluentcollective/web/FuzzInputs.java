package org.confluentcollective.web;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/** Hostile input for the fuzz tests: junk text, broken JSON, mutations and raw HTTP/1.1 requests. */
final class FuzzInputs {

    /** Characters that mean something to a path, a header, JSON or a noderange, and some that mean nothing. */
    private static final String HOSTILE = "azAZ09-_.,:;/\\[]()@=!<>%&{}'\"#$^|~*?+ \t\u0000\u0001\u001f\u007f"
            + "\u00e9\u00ff\u200b\u202e\u4e2d\ufeff\ud83d\ude00";
    /** Path pieces that percent-decoding, dot-segment removal or a file system may read as something else. */
    private static final String[] PATH_TRICKS = {"%00", "%01", "%0a", "%0d%0a", "%1f", "%7f", "%2f", "%2F", "%5c",
        "%2e", "%2e%2e", "%2E%2E%2F", "..", ".", "...", "..;", ";", ";a=b", "%3b", "%zz", "%", "%4", "%c0%ae",
        "%c0%af", "%ff%fe", "%e2%80%ae", "%252e%252e", "~", "*", "//", "%20", "+", "%u002e", "?", "#"};

    private FuzzInputs() {
    }

    static String pick(Random r, String... choices) {
        return choices[r.nextInt(choices.length)];
    }

    /** Up to {@code maxLength} characters from {@link #HOSTILE}, control characters and surrogates included. */
    static String junk(Random r, int maxLength) {
        StringBuilder out = new StringBuilder();
        int length = 1 + r.nextInt(maxLength);
        for (int i = 0; i < length; i++) {
            out.append(HOSTILE.charAt(r.nextInt(HOSTILE.length())));
        }
        return out.toString();
    }

    /** A path segment of plain characters, percent-encoded junk and the tricks of {@link #PATH_TRICKS}. */
    static String pathJunk(Random r) {
        StringBuilder out = new StringBuilder();
        int parts = 1 + r.nextInt(4);
        for (int i = 0; i < parts; i++) {
            out.append(switch (r.nextInt(3)) {
                case 0 -> pick(r, PATH_TRICKS);
                case 1 -> percentEncoded(junk(r, 12));
                default -> pick(r, "n1", "tiny", "vmlinuz", "boot.ipxe", "self", "etc", "passwd", "x");
            });
        }
        return out.toString();
    }

    /** Every byte of the text's UTF-8 as {@code %XX}, readable characters included. */
    static String percentEncoded(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            out.append(String.format("%%%02X", b & 0xff));
        }
        return out.toString();
    }

    /** Text as a JSON string literal; lone surrogates stay (as escapes), to be refused. */
    static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\' || c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Bodies that are no JSON document: empty, truncated, nested past Jackson's limit, random bytes. */
    static byte[] malformedJson(Random r) {
        String text = switch (r.nextInt(10)) {
            case 0 -> "";
            case 1 -> "{";
            case 2 -> "{\"resource\":";
            case 3 -> "[".repeat(1_001 + r.nextInt(100_000));
            case 4 -> "{\"a\":".repeat(1_001 + r.nextInt(20_000));
            case 5 -> "{\"a\":1}garbage";
            case 6 -> "{\"a\":1,\"a\":2}";
            case 7 -> "{'a':1}";
            case 8 -> "{\"a\":" + "9".repeat(1_001 + r.nextInt(5_000)) + "}";
            default -> new String(randomBytes(r, 1 + r.nextInt(300)), StandardCharsets.ISO_8859_1) + "{";
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON array nested {@code depth} levels around {@code inner}. */
    static String nested(int depth, String inner) {
        return "[".repeat(depth) + inner + "]".repeat(depth);
    }

    static byte[] randomBytes(Random r, int length) {
        byte[] bytes = new byte[length];
        r.nextBytes(bytes);
        return bytes;
    }

    /** A few random byte flips, drops, duplications and insertions of JSON tokens. */
    static byte[] mutate(Random r, byte[] input) {
        byte[] out = input.clone();
        int mutations = 1 + r.nextInt(4);
        for (int m = 0; m < mutations && out.length > 1; m++) {
            int at = r.nextInt(out.length);
            out = switch (r.nextInt(4)) {
                case 0 -> {
                    out[at] = (byte) r.nextInt(256);
                    yield out;
                }
                case 1 -> concat(Arrays.copyOf(out, at), Arrays.copyOfRange(out, at + 1, out.length));
                case 2 -> concat(Arrays.copyOf(out, at + 1), Arrays.copyOfRange(out, at, out.length));
                default -> concat(concat(Arrays.copyOf(out, at), pick(r, "{", "}", "\"", ",", "[", "]", ":", "null",
                        "1e999999", "-0", "true", "\\ud800", "\\u0000").getBytes(StandardCharsets.UTF_8)),
                        Arrays.copyOfRange(out, at, out.length));
            };
        }
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * A whole HTTP/1.1 request, {@code Connection: close}, with {@code headers} (each line ending in
     * CRLF) and, when there is a body, its Content-Length.
     */
    static byte[] request(String method, String target, String headers, byte[] body) {
        String head = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers
                + (body == null ? "" : "Content-Length: " + body.length + "\r\n") + "\r\n";
        byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
        return body == null ? bytes : concat(bytes, body);
    }

    /**
     * Requests that break HTTP/1.1 itself: headers or request line over Jetty's 8 KiB, bad chunk
     * sizes, conflicting or negative lengths, no version or another one, a NUL in a header.
     */
    static byte[] brokenHttp(Random r, String target) {
        String request = switch (r.nextInt(9)) {
            case 0 -> "GET " + target + "?" + "q".repeat(8_200 + r.nextInt(8_000)) + " HTTP/1.1\r\nHost: x\r\n\r\n";
            case 1 -> "POST " + target + " HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(8_200 + r.nextInt(20_000))
                    + "\r\n\r\n";
            case 2 -> "POST " + target + " HTTP/1.1\r\nHost: x\r\n" + "X-Many: y\r\n".repeat(900 + r.nextInt(2_000))
                    + "\r\n";
            case 3 -> "POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + pick(r, "zz", "-1", "fffffffffffffffff", "1;;;", "")
                    + "\r\n{\r\n0\r\n\r\n";
            case 4 -> "POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2\r\nContent-Length: 7\r\n\r\n{}";
            case 5 -> "POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + pick(r, "-3", "abc", "99999999999999999999999", "1 2") + "\r\n\r\n{}";
            case 6 -> "POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
            case 7 -> "GET " + target + " HTTP/1.1\r\nHost: x\r\nX-Nul: a\u0000b\r\n\r\n";
            default -> pick(r, "GARBAGE", "GET", "GET " + target + " HTTP/1.1 extra", "GET  HTTP/1.1",
                    "GET " + target + " HTTP/1.1\r\nno colon here", "GET " + target + " HTTP/1.1\r\n : empty name")
                    + "\r\n\r\n";
        };
        return request.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The start of a request for a failure message, control characters shown. */
    static String describe(byte[] request) {
        return FuzzRun.abbreviate(new String(request, 0, Math.min(request.length, 240), StandardCharsets.ISO_8859_1));
    }
}
