package org.confluentcollective.server.api;

import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A started member as the parts given to it from outside ({@link MemberPart}) see it: its
 * identity, the database, users and collective, node operations, and a way to start closeable
 * pieces that close with the member.
 */
public interface RunningMember {

    /** This member's name in the collective. */
    String name();

    /** The confluentd version it runs. */
    String version();

    /** This member's TLS identity. */
    MemberCredentials credentials();

    /** The certificates of the other members, pinned: whom a member-to-member port admits. */
    X509ExtendedTrustManager memberTrust();

    /**
     * Calls {@code action} whenever a member certificate stops being trusted (a deleted member, a
     * replaced certificate), so a transport can end that member's open connections.
     */
    void onUnpin(Runnable action);

    NodeDatabase nodes();

    UserDirectory users();

    /** Online dump and restore of the database, import of the original confluent's dumps. */
    DatabaseArchive archive();

    /** Lock-down: whether this member reaches a quorum and may change the database. */
    QuorumStatus quorum();

    CollectiveView collective();

    /** Who manages which node: unmanaged nodes, rebalance. */
    ManagerAssignment managers();

    /** Raw reads of the ZooKeeper tree, secrets masked. */
    ZnodeReader znodes();

    /** What DHCP and the boot scripts need of the database: nodes by MAC or UUID, who answers them. */
    DeploymentView deploymentView();

    /** This member's deployment root: boot loaders and profiles. */
    DeploymentProfiles profiles();

    /** Deploying nodes: {@code nodedeploy} and the booted node's own calls. */
    NodeDeployment deployment();

    /**
     * Node operations, routed to each node's manager.
     *
     * @throws IllegalStateException while the hardware part is being built (routing starts after it)
     */
    NodeOperations nodeOperations();

    /**
     * Membership changes of this member, which other members reach at these ports (the ones its
     * API listens on).
     */
    CollectiveAdministration administration(int httpsPort, int memberPort);

    /**
     * Closes this member so that it starts again (after a join or a recovery): on a thread of its
     * own, since the caller may be a part that closing waits for.
     */
    void restart();

    /**
     * Starts a closeable piece of the part being built, after everything started so far; the
     * member closes it in reverse order.
     */
    <T extends AutoCloseable> T start(String name, Starter<T> starter) throws Exception;

    /** Builds and starts one closeable piece. */
    @FunctionalInterface
    interface Starter<T extends AutoCloseable> {
        T start() throws Exception;
    }
}
