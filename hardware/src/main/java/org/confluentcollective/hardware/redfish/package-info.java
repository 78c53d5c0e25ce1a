/**
 * The Redfish implementation of the BMC interface: a {@code RedfishConnector} opens a
 * {@code RedfishBmc} over HTTPS with {@code java.net.http}, logged in by a Redfish session (HTTP
 * Basic when the service has none), its certificate checked against the node's pinned
 * fingerprint ({@code pubkeys.tls_hardwaremanager}) or pinned on first use.
 */
package org.confluentcollective.hardware.redfish;
