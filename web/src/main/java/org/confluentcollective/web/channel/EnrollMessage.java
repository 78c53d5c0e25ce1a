package org.confluentcollective.web.channel;

import java.util.Set;

/** The keys of {@code POST /collective/enroll}, defined once for the joiner and the inviter. */
public final class EnrollMessage {

    public static final String PATH = "/collective/enroll";
    public static final String NAME = "name";
    public static final String PROOF = "proof";
    public static final String VERSION = "version";
    public static final String ADDRESS = "address";
    public static final String HTTPS_PORT = "httpsport";
    public static final String MEMBER_PORT = "memberport";
    public static final String QUORUM_PORT = "quorumport";
    public static final String ELECTION_PORT = "electionport";
    public static final String CLIENT_PORT = "clientport";

    /** Every key a request may carry. */
    public static final Set<String> KEYS = Set.of(NAME, PROOF, VERSION, ADDRESS, HTTPS_PORT, MEMBER_PORT,
            QUORUM_PORT, ELECTION_PORT, CLIENT_PORT);

    private EnrollMessage() {
    }
}
