package org.confluentcollective.server.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * This member's deployment root: the boot loaders served over TFTP and the profiles served over
 * HTTP. The root is per member and not replicated (docs/operations.md, "Deployment root").
 */
public interface DeploymentProfiles {

    /** The deployment root directory. */
    Path root();

    /** Where the TFTP server serves from ({@code <root>/tftp}). */
    Path tftpRoot();

    /** The directory of a profile's files ({@code <root>/profiles/<name>}); it may not exist. */
    Path profileDirectory(String name);

    /** The profiles, by name. */
    List<DeploymentProfile> list();

    /** The profile of that name, if it exists and its description is valid. */
    Optional<DeploymentProfile> find(String name);

    /**
     * Copies the iPXE loaders found in {@code loaders} into the TFTP root.
     *
     * @return the file names copied
     * @throws RequestException NOT_FOUND when none of the loaders is there
     */
    List<String> initialize(Path loaders);

    /**
     * Makes a profile of a directory holding a kernel, an initrd and a {@code profile.yaml}.
     *
     * @throws RequestException BAD_REQUEST for a missing or invalid description or file,
     *                          CONFLICT when the profile exists
     */
    DeploymentProfile importProfile(Path source);
}
