package org.confluentcollective.server.collective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.confluentcollective.server.api.InviteToken;
import org.confluentcollective.server.trust.MemberIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InviteTokenTest {

    @TempDir
    Path dir;

    @Test
    void textIsBase64OfNameAtSecretWithoutPadding() {
        for (String name : List.of("a", "mgmt2", "member-three")) {
            InviteToken token = InviteToken.generate(name, new SecureRandom());
            String text = token.text();
            assertFalse(text.contains("="), text);
            String decoded = new String(Base64.getDecoder().decode(text), StandardCharsets.ISO_8859_1);
            assertTrue(decoded.startsWith(name + "@"), decoded);
            InviteToken parsed = InviteToken.parse(text);
            assertEquals(name, parsed.name());
            assertArrayEquals(token.verifier(), parsed.verifier());
            assertFalse(token.toString().contains(text), "the secret never appears in toString");
        }
    }

    @Test
    void malformedTokensAreRefused() {
        for (String bad : List.of("", "not base64!", Base64.getEncoder().encodeToString("noatsign".getBytes()),
                Base64.getEncoder().encodeToString("name@short".getBytes()))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InviteToken.parse(bad));
            assertTrue(e.getMessage().startsWith("invalid token format"), e.getMessage());
        }
    }

    @Test
    void proofsBindBothCertificatesInOrder() {
        MemberIdentity inviter = MemberIdentity.loadOrCreate(dir.resolve("a"), "a", List.of("a"), List.of());
        MemberIdentity joiner = MemberIdentity.loadOrCreate(dir.resolve("b"), "b", List.of("b"), List.of());
        MemberIdentity other = MemberIdentity.loadOrCreate(dir.resolve("c"), "c", List.of("c"), List.of());
        byte[] verifier = InviteToken.generate("b", new SecureRandom()).verifier();
        byte[] p1 = InviteToken.proof(verifier, inviter.certificate(), joiner.certificate());
        byte[] p2 = InviteToken.proof(verifier, joiner.certificate(), inviter.certificate());
        assertTrue(InviteToken.sameProof(p1, InviteToken.proof(verifier, inviter.certificate(), joiner.certificate())));
        assertFalse(InviteToken.sameProof(p1, p2), "each direction proves something different");
        assertFalse(InviteToken.sameProof(p1, InviteToken.proof(verifier, inviter.certificate(), other.certificate())));
        byte[] otherVerifier = InviteToken.generate("b", new SecureRandom()).verifier();
        assertFalse(InviteToken.sameProof(p1,
                InviteToken.proof(otherVerifier, inviter.certificate(), joiner.certificate())));
        assertFalse(InviteToken.sameProof(p1, null));
    }
}
