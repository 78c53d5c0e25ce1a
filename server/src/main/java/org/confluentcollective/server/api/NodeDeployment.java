package org.confluentcollective.server.api;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Deploying nodes through the database: {@code nodedeploy} (arm a profile, show, clear) and the
 * booted node's own calls ({@code /self/*}), which it authenticates with a key of its own that
 * {@link #issueApiKey} hands out once per arming. Every change needs a quorum (UNAVAILABLE).
 */
public interface NodeDeployment {

    /** Each node's deployment attributes, in the order given. */
    Map<String, DeploymentStatus> status(List<String> nodes);

    /**
     * Makes {@code profile} pending on the nodes, arms {@code deployment.apiarmed=once} and clears
     * the state attributes and the node's last key.
     *
     * @throws RequestException NOT_FOUND for an unknown profile, CONFLICT when a node is locked
     *                          ({@code deployment.lock=locked}); nothing is changed then
     */
    void arm(List<String> nodes, String profile);

    /**
     * {@code nodedeploy -r}: {@link #arm}s each node with its own profile: the pending one, else
     * the staged one, else the last deployed ({@code deployment.profile}); nodes with none are
     * left alone.
     *
     * @return the profile armed, by node, in the order given
     * @throws RequestException CONFLICT when a node is locked, NOT_FOUND when a node's profile is
     *                          no longer on this member; nothing is changed then
     */
    Map<String, String> redeploy(List<String> nodes);

    /**
     * Each node's {@code deployment.lock}, in the order given: {@code locked}, {@code autolock}
     * (becomes {@code locked} when a deployment completes), or {@code unlocked} (also for unset).
     */
    Map<String, String> locks(List<String> nodes);

    /**
     * Sets {@code deployment.lock}; {@link #arm} refuses {@code locked} nodes.
     *
     * @throws RequestException BAD_REQUEST for another value than the three of {@link #locks}
     */
    void setLock(List<String> nodes, String lock);

    /** Clears the pending profile and disarms the nodes. */
    void clear(List<String> nodes);

    /**
     * A fresh random key for a node that boots a pending profile; only its hash is stored
     * ({@code crypted.selfapikey}), and {@code deployment.apiarmed=once} is cleared.
     *
     * @param clientAddress the request's source address; when the node has IPv4 addresses
     *                      ({@code net.*ipv4_address}) it must be one of them
     * @throws RequestException FORBIDDEN when the node is unknown, not armed or asks from another
     *                          address (all alike, so a caller learns nothing about nodes)
     */
    String issueApiKey(String node, String clientAddress);

    /**
     * A status report of the node's deployment: {@code staged} moves the pending profile to
     * {@code deployment.stagedprofile}, {@code complete} to {@code deployment.profile} (clearing
     * pending and staged, and turning {@code deployment.lock=autolock} into {@code locked});
     * {@code booted} (a diskless node up from its image) makes the staged,
     * else pending, profile {@code deployment.profile} and leaves both as they are, so the node
     * boots it again; {@code state}, {@code state_detail}, the time and the address are recorded
     * in every case.
     *
     * @throws RequestException FORBIDDEN for an unknown node or a wrong key, BAD_REQUEST for
     *                          another status
     */
    void updateStatus(String node, String apiKey, String clientAddress, StatusReport report);

    /**
     * {@code /self/deploycfg}: what the node's installer needs, with the original's key names:
     * {@code ipv4_address}, {@code ipv4_method}, {@code prefix}, {@code ipv4_netmask},
     * {@code ipv4_gateway} of its {@code net.*} interface on the deployment network (the one whose
     * address is the request's source, else whose {@code /prefix} subnet holds this member's
     * address), {@code deploy_server}, {@code profile} (pending), {@code protocol},
     * {@code encryptboot}, {@code textconsole}, {@code rootpassword} and {@code grubpassword}
     * (hashes only), {@code timezone} (this member's), {@code locale}, {@code keymap},
     * {@code nameservers}, {@code ntpservers} (only when set), {@code dnsdomain}. Values are
     * strings, booleans, an integer ({@code prefix}), lists of strings, or null for unset.
     *
     * @param serverAddress this member's address the request reached
     * @throws RequestException FORBIDDEN for an unknown node or a wrong key
     */
    SortedMap<String, Object> deployConfig(String node, String apiKey, String clientAddress, String serverAddress);

    /** What a booted node reports; {@code state} and {@code stateDetail} may be null. */
    record StatusReport(String status, String state, String stateDetail) {
    }
}
