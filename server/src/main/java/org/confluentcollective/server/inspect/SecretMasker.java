package org.confluentcollective.server.inspect;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns raw znode data into text that never shows a secret, for debugging reads of the database.
 *
 * <ul>
 *   <li>JSON objects, arrays and strings: every string value is replaced by {@link #MASK} if it is
 *       a sealed secret ({@code aes256gcm:...}), a hash ({@code $6$...} and anything else starting
 *       with {@code $}, {@code grub.pbkdf2...}, {@code pbkdf2-sha256$...}), or if it lies, at any
 *       depth, under a field whose name contains {@code pass} (so also {@code password},
 *       {@code passwd}), {@code hash}, {@code secret}, {@code key}, {@code token}, {@code verifier}
 *       or {@code credential} (any case); numbers under such a field too. Booleans and nulls
 *       stay; structure and field order are kept; the result is compact JSON.</li>
 *   <li>Anything else: UTF-8 text if it is valid and printable, else {@code base64:} and the bytes
 *       in base64. Either way sealed secrets and hashes inside it, and the value of any
 *       {@code name=value} or {@code name: value} with a sensitive name, are masked first.</li>
 *   <li>A znode whose own name is sensitive shows only {@link #MASK}, unless its data is a JSON
 *       object (whose fields are then judged one by one).</li>
 * </ul>
 *
 * Thread-safe.
 */
public final class SecretMasker {

    /** What a masked value shows instead. */
    public static final String MASK = "********";

    // "pass" covers password, passwd, passphrase, bmcpass; "verifier" is an invitation's proof key.
    private static final List<String> SENSITIVE_WORDS =
            List.of("pass", "hash", "secret", "key", "token", "verifier", "credential");
    private static final List<String> SECRET_PREFIXES = List.of("aes256gcm:", "$", "grub.pbkdf2", "pbkdf2");

    // In free text there are no value boundaries: mask each token that starts like a secret, up to the
    // first character none of these forms uses (base64, hex, crypt's alphabet, separators).
    private static final String TOKEN = "[A-Za-z0-9+/=:._$-]*";
    private static final Pattern SECRET_IN_TEXT = Pattern.compile(
            "aes256gcm:" + TOKEN + "|grub\\.pbkdf2" + TOKEN + "|pbkdf2" + TOKEN + "|\\$[0-9A-Za-z]{1,16}\\$" + TOKEN);
    // A sensitive name, the rest of that name, '=' or ':', then a quoted value or the rest up to a separator.
    // Written to start only at a sensitive word and without nested unbounded repetition: data can be 1 MB.
    private static final Pattern SENSITIVE_ASSIGNMENT = Pattern.compile(
            "(?i)((?:" + String.join("|", SENSITIVE_WORDS) + ")[\\w.-]{0,64}\"?[ \\t]*[=:][ \\t]*)"
                    + "(\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"?|[^\\r\\n,;}\\]]+)");

    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    /**
     * The data of znode {@code name} (its last path segment) as it may be shown; null for a
     * znode without data.
     */
    public String mask(String name, byte[] data) {
        if (data == null) {
            return null;
        }
        JsonNode parsed = parseJson(data);
        if (parsed != null) {
            if (!parsed.isObject() && isSensitiveName(name)) {
                return MASK;
            }
            return masked(parsed, false).toString();
        }
        if (isSensitiveName(name)) {
            return MASK;
        }
        String text = printableUtf8(data);
        if (text != null) {
            return maskText(text);
        }
        // One char per byte, so masking keeps every other byte as it was.
        String bytes = maskText(new String(data, StandardCharsets.ISO_8859_1));
        return "base64:" + Base64.getEncoder().encodeToString(bytes.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** True if a field or znode called {@code name} holds secrets by its name alone. */
    public static boolean isSensitiveName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return SENSITIVE_WORDS.stream().anyMatch(lower::contains);
    }

    /** True if {@code value} is itself a sealed secret or a hash. */
    public static boolean looksSecret(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return SECRET_PREFIXES.stream().anyMatch(lower::startsWith);
    }

    /** Free text with sealed secrets, hashes and sensitive assignments masked. */
    static String maskText(String text) {
        String tokensMasked = SECRET_IN_TEXT.matcher(text).replaceAll(Matcher.quoteReplacement(MASK));
        return SENSITIVE_ASSIGNMENT.matcher(tokensMasked).replaceAll(match -> Matcher.quoteReplacement(
                match.group(1) + (match.group(2).startsWith("\"") ? "\"" + MASK + "\"" : MASK)));
    }

    private JsonNode parseJson(byte[] data) {
        if (!startsLikeJsonContainerOrString(data)) {
            return null; // numbers and literals read the same as text
        }
        try {
            return json.readTree(data);
        } catch (IOException e) {
            return null; // malformed, or beyond the parser's limits: shown as masked text
        }
    }

    private static boolean startsLikeJsonContainerOrString(byte[] data) {
        for (byte b : data) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return b == '{' || b == '[' || b == '"';
            }
        }
        return false;
    }

    private static JsonNode masked(JsonNode node, boolean sensitive) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.properties().forEach(property -> names.add(property.getKey()));
            for (String name : names) {
                object.set(name, masked(object.get(name), sensitive || isSensitiveName(name)));
            }
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, masked(array.get(i), sensitive));
            }
            return array;
        }
        if (node.isTextual()) {
            String text = node.textValue();
            return sensitive || looksSecret(text) ? TextNode.valueOf(MASK) : TextNode.valueOf(maskText(text));
        }
        if (node.isNumber() && sensitive) {
            return TextNode.valueOf(MASK);
        }
        return node;
    }

    private static String printableUtf8(byte[] data) {
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data));
        } catch (CharacterCodingException e) {
            return null;
        }
        String text = chars.toString();
        boolean printable = text.codePoints()
                .allMatch(c -> !Character.isISOControl(c) || c == '\n' || c == '\r' || c == '\t');
        return printable ? text : null;
    }
}
