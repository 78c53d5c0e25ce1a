package org.confluentcollective.server.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.confluentcollective.server.api.DeploymentProfile;
import org.confluentcollective.server.api.DeploymentProfiles;
import org.confluentcollective.server.api.RequestException;
import org.confluentcollective.server.noderange.NaturalOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DeploymentProfiles} on the file system: {@code <root>/tftp/} holds the iPXE loaders,
 * {@code <root>/profiles/<name>/} a profile's {@code profile.yaml}, kernel and initrd. An import
 * is assembled in a hidden directory and renamed into place, so a profile is never seen half
 * copied.
 */
public final class ProfileLibrary implements DeploymentProfiles {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileLibrary.class);
    /** Debian's ipxe package: UEFI with its own drivers, UEFI on the firmware's, BIOS (UNDI). */
    static final List<String> LOADERS = List.of("ipxe.efi", "snponly.efi", "undionly.kpxe");

    private final Path root;

    public ProfileLibrary(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public Path tftpRoot() {
        return root.resolve("tftp");
    }

    @Override
    public Path profileDirectory(String name) {
        ProfileDescription.check("profile name", name);
        return root.resolve("profiles").resolve(name);
    }

    @Override
    public List<DeploymentProfile> list() {
        Path profiles = root.resolve("profiles");
        if (!Files.isDirectory(profiles)) {
            return List.of();
        }
        List<DeploymentProfile> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(profiles)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (ProfileDescription.NAME.matcher(name).matches()) {
                    find(name).ifPresent(found::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + profiles, e);
        }
        found.sort(Comparator.comparing(DeploymentProfile::name, new NaturalOrder()));
        return found;
    }

    @Override
    public Optional<DeploymentProfile> find(String name) {
        if (!ProfileDescription.NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path description = root.resolve("profiles").resolve(name).resolve(ProfileDescription.FILE);
        if (!Files.isRegularFile(description, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            DeploymentProfile profile = ProfileDescription.parse(read(description), name);
            // The directory names the profile; a description naming another is not this one.
            return profile.name().equals(name) ? Optional.of(profile) : Optional.empty();
        } catch (RequestException e) {
            LOG.warn("profile {} is skipped: {}", name, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public List<String> initialize(Path loaders) {
        List<String> copied = new ArrayList<>();
        try {
            Files.createDirectories(tftpRoot());
            for (String loader : LOADERS) {
                Path source = loaders.resolve(loader);
                if (Files.isRegularFile(source)) {
                    copyAtomically(source, tftpRoot().resolve(loader));
                    copied.add(loader);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the iPXE loaders into " + tftpRoot(), e);
        }
        if (copied.isEmpty()) {
            throw RequestException.notFound("no iPXE loader (" + String.join(", ", LOADERS) + ") in " + loaders
                    + "; install Debian's ipxe package");
        }
        LOG.info("iPXE loaders {} copied into {}", copied, tftpRoot());
        return copied;
    }

    @Override
    public DeploymentProfile importProfile(Path source) {
        Path description = source.resolve(ProfileDescription.FILE);
        if (!Files.isRegularFile(description)) {
            throw RequestException.badRequest(source + " holds no " + ProfileDescription.FILE);
        }
        Path fileName = source.toAbsolutePath().normalize().getFileName();
        DeploymentProfile profile = ProfileDescription.parse(read(description),
                fileName == null ? "" : fileName.toString());
        for (String file : List.of(profile.kernel(), profile.initrd())) {
            if (!Files.isRegularFile(source.resolve(file))) {
                throw RequestException.badRequest(source + " holds no " + file + " (named in "
                        + ProfileDescription.FILE + ")");
            }
        }
        Path target = profileDirectory(profile.name());
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw RequestException.conflict("profile " + profile.name() + " exists");
        }
        Path staging = target.resolveSibling("." + profile.name() + ".importing");
        try {
            Files.createDirectories(target.getParent());
            deleteTree(staging);
            Files.createDirectory(staging);
            Files.copy(source.resolve(profile.kernel()), staging.resolve(profile.kernel()));
            Files.copy(source.resolve(profile.initrd()), staging.resolve(profile.initrd()));
            Files.writeString(staging.resolve(ProfileDescription.FILE), ProfileDescription.render(profile));
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot import " + source + " as profile " + profile.name(), e);
        }
        LOG.info("profile {} imported from {}", profile.name(), source);
        return profile;
    }

    private static String read(Path description) {
        try (InputStream in = Files.newInputStream(description)) {
            byte[] bytes = in.readNBytes(ProfileDescription.MAX_BYTES + 1);
            if (bytes.length > ProfileDescription.MAX_BYTES) {
                throw RequestException.badRequest(description + " is larger than " + ProfileDescription.MAX_BYTES
                        + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw RequestException.badRequest("cannot read " + description + ": " + e.getMessage());
        }
    }

    private static void copyAtomically(Path source, Path target) throws IOException {
        Path temporary = target.resolveSibling("." + target.getFileName() + ".copying");
        Files.copy(source, temporary, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
