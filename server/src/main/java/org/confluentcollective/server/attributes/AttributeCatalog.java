package org.confluentcollective.server.attributes;

import java.util.Optional;
import java.util.SortedSet;

/** The known node attributes, their aliases and validation rules (shared/spec/attributes.md). */
public final class AttributeCatalog {

    /** The catalog of shared/spec/attributes.md section 6. */
    public static AttributeCatalog standard() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Catalog name, anything under custom., or net.X...leaf / power.X...leaf with a known leaf. */
    public boolean isValidName(String name) {
        throw new UnsupportedOperationException("not yet");
    }

    /** bmc, bmcuser, bmcpass, switchuser, switchpass and the hm. prefix resolved; other names unchanged. */
    public String resolveAlias(String name) {
        throw new UnsupportedOperationException("not yet");
    }

    /** secret.* and custom.nodesecret.*: stored encrypted, shown only as set/unset. */
    public boolean isSecret(String name) {
        throw new UnsupportedOperationException("not yet");
    }

    /** crypted.*: stored as one-way hashes. */
    public boolean isCrypted(String name) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Every exact catalog name (what attributes/all lists). */
    public SortedSet<String> names() {
        throw new UnsupportedOperationException("not yet");
    }

    public Optional<String> description(String name) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Checks a value against the attribute's allowed values ({@code validvalues}, {@code validlist},
     * {@code validlistkeys}).
     *
     * @return a message naming the problem, or empty when the value is allowed
     */
    public Optional<String> checkValue(String name, String value) {
        throw new UnsupportedOperationException("not yet");
    }
}
