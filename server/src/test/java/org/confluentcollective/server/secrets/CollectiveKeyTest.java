package org.confluentcollective.server.secrets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectiveKeyTest {

    @TempDir
    Path tmp;

    @Test
    void createsKeyFileOwnerOnlyInNewOwnerOnlyDirectory() throws Exception {
        Path state = tmp.resolve("state/nested");
        CollectiveKey key = CollectiveKey.loadOrCreate(state);

        Path file = state.resolve(CollectiveKey.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
        byte[] stored = Base64.getDecoder().decode(Files.readString(file).strip());
        assertArrayEquals(key.exportBytes(), stored);
        try (Stream<Path> files = Files.list(state)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void reloadGivesTheSameKey() {
        CollectiveKey first = CollectiveKey.loadOrCreate(tmp);
        CollectiveKey second = CollectiveKey.loadOrCreate(tmp);
        assertArrayEquals(first.exportBytes(), second.exportBytes());
        assertEquals(first, second);
        assertNotEquals(first, CollectiveKey.loadOrCreate(tmp.resolve("other")));
    }

    @Test
    void acceptsRawKeyFileAndDoesNotRewriteIt() throws Exception {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        Path file = writeOwnerOnly(raw);
        assertArrayEquals(raw, CollectiveKey.loadOrCreate(tmp).exportBytes());
        assertArrayEquals(raw, Files.readAllBytes(file));
    }

    @Test
    void refusesKeyOfWrongSize() throws Exception {
        writeOwnerOnly((Base64.getEncoder().encodeToString(new byte[16]) + "\n").getBytes(StandardCharsets.US_ASCII));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CollectiveKey.loadOrCreate(tmp));
        assertTrue(e.getMessage().contains("16 bytes"), e.getMessage());
    }

    @Test
    void refusesGarbage() throws Exception {
        writeOwnerOnly("not a key at all!".getBytes(StandardCharsets.US_ASCII));
        assertThrows(IllegalStateException.class, () -> CollectiveKey.loadOrCreate(tmp));
    }

    @Test
    void refusesKeyFileAccessibleByGroupOrOthers() throws Exception {
        CollectiveKey.loadOrCreate(tmp);
        Path file = tmp.resolve(CollectiveKey.FILE_NAME);
        for (String mode : List.of("rw-r-----", "rw----r--", "rw--w----")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> CollectiveKey.loadOrCreate(tmp));
            assertTrue(e.getMessage().contains("owner only"), e.getMessage());
        }
    }

    @Test
    void ofChecksLengthAndCopies() {
        assertThrows(IllegalArgumentException.class, () -> CollectiveKey.of(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> CollectiveKey.of(null));
        byte[] raw = new byte[32];
        raw[0] = 7;
        CollectiveKey key = CollectiveKey.of(raw);
        raw[0] = 8;
        assertEquals(7, key.exportBytes()[0], "of() copies its input");
        key.exportBytes()[0] = 9;
        assertEquals(7, key.exportBytes()[0], "exportBytes() returns a copy");
    }

    @Test
    void toStringNeverShowsTheKey() {
        CollectiveKey key = CollectiveKey.loadOrCreate(tmp);
        byte[] raw = key.exportBytes();
        String s = key.toString();
        assertFalse(s.contains(Base64.getEncoder().encodeToString(raw)));
        assertFalse(s.toLowerCase().contains(HexFormat.of().formatHex(raw, 0, 4)));
    }

    private Path writeOwnerOnly(byte[] content) throws Exception {
        Path file = tmp.resolve(CollectiveKey.FILE_NAME);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(file, content);
        return file;
    }
}
