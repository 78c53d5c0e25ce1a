/**
 * OS deployment in the member: the read-only view DHCP uses ({@code DeploymentIndex}, the
 * {@link org.confluentcollective.server.api.DeploymentView}: a node by MAC address or UUID from an
 * index rebuilt lazily when the copy changed, and {@code ServingRule}, which picks exactly one
 * live member to answer a boot; no quorum needed, design.md §2); the deployment root on disk
 * ({@code ProfileLibrary}, {@code ProfileDescription}); and {@code NodeDeployer}: arming a
 * profile, the node's one-time key and its status reports, written to the database.
 */
package org.confluentcollective.server.deploy;
