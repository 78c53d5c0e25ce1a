package org.confluentcollective.server.api;

/**
 * A part of a member given to it from outside (a transport such as the API, DHCP or TFTP, or the
 * hardware service), built once the member's store runs from what the member offers. What the
 * part has to close again it starts through {@link RunningMember#start}, so the member closes it
 * in reverse order with everything else.
 *
 * @param <T> what the part gives the member (nothing for a service, a node handler for hardware)
 */
@FunctionalInterface
public interface MemberPart<T> {

    T start(RunningMember member) throws Exception;
}
