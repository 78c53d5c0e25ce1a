package org.confluentcollective.server.api;


/**
 * How this member talks to another member. The transport (HTTPS, certificates, JSON) is web's;
 * the collective only says what it asks. The join uses it now; request routing will too.
 */
public interface MemberChannel {

    /**
     * Enrolls this member with the member at {@code server} ({@code host[:port]}) by proving
     * {@code token}, and checks the answer's proof (design.md §3).
     *
     * @throws RequestException FORBIDDEN/CONFLICT with the member's reason when it refuses,
     *     UNAVAILABLE when it cannot be reached, FORBIDDEN when its proof is wrong
     */
    Enrollment enroll(String server, InviteToken token, String version, JoinEndpoints me);
}
