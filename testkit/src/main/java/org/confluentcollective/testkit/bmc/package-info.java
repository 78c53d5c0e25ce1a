/**
 * BMC simulators for tests, written by others and run as real processes on loopback:
 * {@code IpmiSimulator} runs {@code ipmi_sim} with state a test can read back without the
 * project's own BMC code; {@code RedfishSimulator} runs one Redfish service (sushy-tools'
 * emulator, vendored in {@code ../shared/vendor/sushy-tools}) per node.
 */
package org.confluentcollective.testkit.bmc;
