package org.confluentcollective.server.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {

    @TempDir
    Path tmp;

    @Test
    void restrictTreeMakesAPreCreatedOpenStateDirectoryOwnerOnly() throws Exception {
        Path state = tmp.resolve("state");
        Path logs = state.resolve("zookeeper/version-2");
        Files.createDirectories(logs);
        Path log = Files.writeString(logs.resolve("log.1"), "hashes");
        Path pins = Files.writeString(state.resolve("member-pins"), "sha256:...");
        Path tool = Files.writeString(state.resolve("tool"), "#!/bin/sh");
        for (Path dir : new Path[] {state, state.resolve("zookeeper"), logs}) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(pins, PosixFilePermissions.fromString("rw-rw-rw-"));
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));

        PrivateFiles.restrictTree(state);

        for (Path dir : new Path[] {state, state.resolve("zookeeper"), logs}) {
            assertEquals("rwx------", mode(dir), dir.toString());
        }
        assertEquals("rw-------", mode(log));
        assertEquals("rw-------", mode(pins));
        assertEquals("rwx------", mode(tool), "the owner keeps its own bits");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
