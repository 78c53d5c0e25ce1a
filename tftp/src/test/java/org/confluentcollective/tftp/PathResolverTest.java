package org.confluentcollective.tftp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathResolverTest {

    @TempDir
    Path dir;

    @Test
    void resolvesUnderTheRootAndRefusesEscapes() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.createDirectories(root.resolve("confluent/x86_64"));
        Path ipxe = Files.writeString(root.resolve("confluent/x86_64/ipxe.efi"), "x");
        Files.writeString(dir.resolve("secret"), "s");
        Files.createSymbolicLink(root.resolve("out"), dir.resolve("secret"));
        Files.createSymbolicLink(root.resolve("outdir"), dir);
        Files.createSymbolicLink(root.resolve("in"), ipxe);
        PathResolver resolver = new PathResolver(root);

        Path real = ipxe.toRealPath();
        assertEquals(real, resolver.resolve("confluent/x86_64/ipxe.efi"));
        assertEquals(real, resolver.resolve("/confluent/x86_64/ipxe.efi"), "leading / is the root (-s)");
        assertEquals(real, resolver.resolve("\\confluent\\x86_64\\ipxe.efi"), "Windows separators");
        assertEquals(real, resolver.resolve("confluent//./x86_64/ipxe.efi"));
        assertEquals(real, resolver.resolve("in"), "a symlink inside the root is fine");

        assertCode(2, resolver, "../secret");
        assertCode(2, resolver, "confluent/../../secret");
        assertCode(2, resolver, "..\\secret");
        assertCode(1, resolver, "/etc/passwd");
        assertCode(2, resolver, "out");
        assertCode(2, resolver, "outdir/secret");
        assertCode(2, resolver, "confluent");
        assertCode(2, resolver, "/");
        assertCode(2, resolver, "conf\nluent/x86_64/ipxe.efi");
        assertCode(2, resolver, "confluent/x86_64/ipxe.efi\u007f");
        assertCode(1, resolver, "missing");
        assertCode(1, resolver, "confluent/x86_64/ipxe.efi/more");
    }

    private static void assertCode(int code, PathResolver resolver, String name) {
        TftpRefusal refusal = assertThrows(TftpRefusal.class, () -> resolver.resolve(name), name);
        assertEquals(code, refusal.code(), name + ": " + refusal.getMessage());
    }
}
