package org.confluentcollective.hardware.bmc;

/**
 * A BMC operation that failed, with the kind of failure, so the caller can answer the node's
 * error code. The message names the BMC and says what happened, never a secret.
 */
public final class BmcException extends Exception {

    /** Why, with the per-node error code (HTTP numbering) it is reported with. */
    public enum Kind {
        /** The address or settings cannot be used (malformed address, no user). */
        BAD_SETTINGS(400),
        /** The BMC refused the user name or password. */
        BAD_CREDENTIALS(502),
        /** The BMC's TLS certificate is not the one pinned for it. */
        CERTIFICATE_CHANGED(502),
        /** No answer: nothing listening, no route, or silent past the timeout. */
        UNREACHABLE(504),
        /** The BMC cannot do this (no such command or property). */
        UNSUPPORTED(501),
        /** The BMC answered with an error or with something that cannot be read. */
        BMC_ERROR(502);

        private final int errorCode;

        Kind(int errorCode) {
            this.errorCode = errorCode;
        }

        public int errorCode() {
            return errorCode;
        }
    }

    private final Kind kind;

    public BmcException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public BmcException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
