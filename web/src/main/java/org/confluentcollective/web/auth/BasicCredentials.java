package org.confluentcollective.web.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/** User and password of an {@code Authorization: Basic} header (RFC 7617, UTF-8). */
record BasicCredentials(String user, char[] password) {

    static Optional<BasicCredentials> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String[] parts = header.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("Basic")) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(parts[1].trim());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(decoded));
            char[] all = new char[chars.remaining()];
            chars.get(all);
            Arrays.fill(chars.array(), '\0');
            return split(all);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        } finally {
            Arrays.fill(decoded, (byte) 0);
        }
    }

    private static Optional<BasicCredentials> split(char[] all) {
        int colon = -1;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon <= 0) {
            Arrays.fill(all, '\0');
            return Optional.empty();
        }
        String user = new String(all, 0, colon);
        char[] password = Arrays.copyOfRange(all, colon + 1, all.length);
        Arrays.fill(all, '\0');
        return Optional.of(new BasicCredentials(user, password));
    }

    void erase() {
        Arrays.fill(password, '\0');
    }
}
