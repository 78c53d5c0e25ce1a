package org.confluentcollective.server.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files in the member's state directory that only the owner may read: the collective key and
 * the member's TLS private key. Stateless helpers shared by {@link CollectiveKey} and
 * {@code trust.MemberIdentity}.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> OWNER_RW =
            PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_RWX =
            PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFiles() {
    }

    /** Creates {@code dir} (and missing parents) with mode 0700; an existing directory is left as it is. */
    public static void createDirectory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_RWX));
            }
        } catch (UnsupportedOperationException e) {
            throw new IllegalStateException(
                    "state directory " + dir + " is not on a POSIX file system; cannot protect keys", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create state directory " + dir, e);
        }
    }

    /**
     * Makes {@code dir} and everything below it owner-only: directories 0700, and group and
     * others lose every permission on files (so 0644 becomes 0600). Run at every start, because
     * a directory created beforehand (or restored from a backup) keeps its modes. Directories
     * being 0700 is what protects files created later with a looser mode, such as ZooKeeper's
     * logs and snapshots: others cannot reach them. Symbolic links are not followed.
     *
     * @throws IllegalStateException naming the path and the fix when a mode cannot be changed
     */
    public static void restrictTree(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                    restrict(d, OWNER_RWX);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (!attrs.isSymbolicLink()) {
                        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
                        perms.removeAll(GROUP_OR_OTHERS);
                        restrict(file, perms);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (UnsupportedOperationException e) {
            throw new IllegalStateException(
                    "state directory " + dir + " is not on a POSIX file system; cannot protect keys", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make the state directory " + dir + " private ("
                    + e + "); run confluentd as the owner of every file in it, or run chmod -R go-rwx " + dir, e);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> wanted) throws IOException {
        if (!Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).equals(wanted)) {
            Files.setPosixFilePermissions(path, wanted);
        }
    }

    /**
     * Writes {@code content} to {@code target} with mode 0600, all or nothing, never replacing an
     * existing file. The bytes go to a temporary file that is created 0600 (so it is never
     * readable by others, not even briefly), flushed to disk, then hard-linked to its final name:
     * unlike a rename, a link fails if another process won the race, so a key that may already
     * protect data is never overwritten.
     *
     * @return true if the file was written, false if {@code target} already existed
     */
    public static boolean writeNew(Path target, byte[] content) {
        return writeThenPublish(target, content, (tmp, name) -> {
            try {
                Files.createLink(name, tmp);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            }
        });
    }

    /**
     * Writes {@code target} owner-only, replacing it atomically if it exists: readers see the old
     * or the new content, never a mix, and the content is never readable by others.
     */
    public static void replace(Path target, byte[] content) {
        writeThenPublish(target, content, (tmp, name) -> {
            Files.move(tmp, name, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        });
    }

    /** How a fully written temporary file gets its final name; false if it did not. */
    @FunctionalInterface
    private interface Publication {
        boolean publish(Path tmp, Path target) throws IOException;
    }

    /** Writes a 0600 temporary file next to {@code target}, flushes it, then publishes it. */
    private static boolean writeThenPublish(Path target, byte[] content, Publication publication) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_RW);
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp", ownerOnly);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (!publication.publish(tmp, target)) {
                return false;
            }
            forceDirectory(dir);
            return true;
        } catch (UnsupportedOperationException e) {
            throw new IllegalStateException(
                    "cannot create " + target + " with owner-only permissions on this file system", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a stray 0600 temporary file is harmless
                }
            }
        }
    }

    /**
     * Reads a file that must be a regular file accessible by its owner only.
     *
     * @throws IllegalStateException if group or others have any permission on it
     */
    public static byte[] readPrivate(Path file) {
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new IllegalStateException(file + " is not a regular file");
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            if (perms.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                throw new IllegalStateException(file + " has mode " + PosixFilePermissions.toString(perms)
                        + "; it must be accessible by its owner only (chmod 600 " + file + ")");
            }
            return Files.readAllBytes(file);
        } catch (UnsupportedOperationException e) {
            throw new IllegalStateException("cannot check the permissions of " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    // Makes the new directory entry durable, so a crash cannot lose a key that was already used.
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // some file systems cannot sync a directory; the file itself is already on disk
        }
    }
}
