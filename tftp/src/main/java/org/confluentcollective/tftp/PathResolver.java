package org.confluentcollective.tftp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps a requested filename to a regular file under the root, or refuses it.
 *
 * <p>Like tftpd-hpa's {@code -s}, a leading {@code /} means the root; Windows clients' {@code \}
 * separators are taken as {@code /}. {@code ..} segments and control characters are refused
 * before touching the file system; symlinks are followed only while their target stays under
 * the root (checked on the real path, so a link anywhere in the chain counts).
 */
final class PathResolver {

    private final Path realRoot;

    PathResolver(Path root) throws IOException {
        this.realRoot = root.toRealPath();
        if (!Files.isDirectory(realRoot)) {
            throw new NotDirectoryException(root.toString());
        }
    }

    Path root() {
        return realRoot;
    }

    /** The real path of a readable regular file under the root. */
    Path resolve(String requested) throws TftpRefusal {
        // The request's bytes, read as UTF-8 like the names on disk usually are.
        String filename = new String(requested.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        List<String> segments = new ArrayList<>();
        for (String segment : filename.replace('\\', '/').split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                throw TftpRefusal.accessViolation("Access violation: '..' in path");
            }
            segments.add(segment);
        }
        for (int i = 0; i < filename.length(); i++) {
            char c = filename.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw TftpRefusal.accessViolation("Access violation: control character in filename");
            }
        }
        if (segments.isEmpty()) {
            throw TftpRefusal.accessViolation("Access violation: not a regular file");
        }
        Path real;
        try {
            real = realRoot.resolve(String.join("/", segments)).toRealPath();
        } catch (NoSuchFileException | NotDirectoryException e) {
            throw TftpRefusal.notFound();
        } catch (AccessDeniedException e) {
            throw TftpRefusal.accessViolation("Access violation: permission denied");
        } catch (IOException | java.nio.file.InvalidPathException e) {
            throw TftpRefusal.notFound();
        }
        if (!real.startsWith(realRoot)) {
            throw TftpRefusal.accessViolation("Access violation: outside the TFTP root");
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw TftpRefusal.accessViolation("Access violation: not a regular file");
        }
        if (!Files.isReadable(real)) {
            throw TftpRefusal.accessViolation("Access violation: permission denied");
        }
        return real;
    }
}
