/**
 * Deployment's read-only view of the database ({@code DeploymentIndex}, the
 * {@link org.confluentcollective.server.api.DeploymentView} the DHCP and TFTP services use): a
 * node by MAC address or UUID from an index rebuilt lazily when the copy changed, its boot
 * details, and the rule that picks exactly one live member to answer its boot
 * ({@code ServingRule}). It answers from this member's copy without a quorum (design.md §2).
 */
package org.confluentcollective.server.deploy;
