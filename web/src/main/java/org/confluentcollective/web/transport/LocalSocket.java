package org.confluentcollective.web.transport;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;

/**
 * Places the local root socket without a moment where others could open it: the socket is bound
 * in a fresh 0700 directory, made 0600 there, then renamed into place (which also replaces a
 * stale socket left by a crashed run). A missing socket directory is created 0700.
 */
final class LocalSocket {

    private final Path target;
    private final Path privateDir;
    private Object publishedKey;

    private LocalSocket(Path target, Path privateDir) {
        this.target = target;
        this.privateDir = privateDir;
    }

    /** Checks the target and makes the private directory to bind in. */
    static LocalSocket prepare(Path target) throws IOException {
        Path socket = target.toAbsolutePath();
        Path dir = socket.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        refuseIfInUse(socket);
        Path privateDir = Files.createTempDirectory(dir, ".bind-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        return new LocalSocket(socket, privateDir);
    }

    /** Where the connector binds before {@link #publish()}. */
    Path bindPath() {
        return privateDir.resolve(target.getFileName());
    }

    Path target() {
        return target;
    }

    void publish() throws IOException {
        Path bound = bindPath();
        Files.setPosixFilePermissions(bound, PosixFilePermissions.fromString("rw-------"));
        Files.move(bound, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        publishedKey = fileKey(target);
        Files.deleteIfExists(privateDir);
    }

    /** Removes the socket if it is still the one this server published, and the private directory. */
    void remove() throws IOException {
        if (publishedKey != null && Objects.equals(publishedKey, fileKey(target))) {
            Files.deleteIfExists(target);
        }
        Files.deleteIfExists(bindPath());
        Files.deleteIfExists(privateDir);
    }

    private static void refuseIfInUse(Path socket) throws IOException {
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        BasicFileAttributes attributes = Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isOther()) {
            // Never replace a regular file or a link: that is a configuration mistake, not a stale socket.
            throw new FileAlreadyExistsException(socket.toString(), null, "exists and is not a socket");
        }
        if (answers(socket)) {
            throw new FileAlreadyExistsException(socket.toString(), null, "another server is listening on it");
        }
        // Nobody answers: a crashed run left it behind; publish() replaces it.
    }

    private static boolean answers(Path socket) {
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Object fileKey(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }
}
