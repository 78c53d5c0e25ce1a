package org.confluentcollective.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = ConfluentCtl.class.getPackage().getImplementationVersion();
        return new String[] {"confluentctl " + (version == null ? "(development build)" : version)};
    }
}
