package org.confluentcollective.server.database;

/**
 * One attribute as it is kept in a node or group znode. Exactly one form is present:
 * a plain {@code value}, an {@code expression} template (evaluated for each node on read),
 * a {@code cryptvalue} (AES-GCM sealed secret), or a one-way {@code hashvalue} (with the
 * GRUB form beside it).
 */
public record StoredValue(String value, String expression, String cryptvalue, String hashvalue,
                          String grubhashvalue) {

    public static StoredValue ofValue(String value) {
        return new StoredValue(value, null, null, null, null);
    }

    public static StoredValue ofExpression(String expression) {
        return new StoredValue(null, expression, null, null, null);
    }

    public static StoredValue ofSealed(String cryptvalue) {
        return new StoredValue(null, null, cryptvalue, null, null);
    }

    public static StoredValue ofHash(String hashvalue, String grubhashvalue) {
        return new StoredValue(null, null, null, hashvalue, grubhashvalue);
    }

    public boolean isExpression() {
        return expression != null;
    }

    /** A secret or a hash: shown to readers only as set / unset. */
    public boolean isConcealed() {
        return cryptvalue != null || hashvalue != null;
    }
}
