package org.confluentcollective.server.api;

/**
 * A node's deployment attributes as {@code nodedeploy} shows them; each field is null when unset.
 *
 * @param pendingProfile {@code deployment.pendingprofile}
 * @param stagedProfile  {@code deployment.stagedprofile}: installed, not yet complete
 * @param profile        {@code deployment.profile}: the last profile that completed
 * @param apiArmed       {@code deployment.apiarmed}
 * @param state          {@code deployment.state}
 * @param stateDetail    {@code deployment.state_detail}
 * @param lastUpdated    {@code deployment.state_last_updated}
 * @param hasBmc         whether {@code hardwaremanagement.manager} is set (network boot can be
 *                       requested through it)
 */
public record DeploymentStatus(String pendingProfile, String stagedProfile, String profile, String apiArmed, String state,
                               String stateDetail, String lastUpdated, boolean hasBmc) {
}
