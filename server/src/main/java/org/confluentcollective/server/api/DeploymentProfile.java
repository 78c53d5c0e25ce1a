package org.confluentcollective.server.api;

import java.util.Objects;

/**
 * One OS deployment profile in a member's deployment root ({@code profiles/<name>/}): what its
 * boot script loads. Kernel arguments are the profile's; nothing is added per node or per member.
 *
 * @param name       the profile's name (also its directory)
 * @param kernel     the kernel's file name in the profile directory
 * @param initrd     the initrd's file name in the profile directory
 * @param kernelArgs the kernel command line (may be empty)
 */
public record DeploymentProfile(String name, String kernel, String initrd, String kernelArgs) {

    public DeploymentProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(initrd, "initrd");
        Objects.requireNonNull(kernelArgs, "kernelArgs");
    }
}
