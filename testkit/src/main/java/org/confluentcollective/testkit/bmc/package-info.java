/**
 * BMC simulators for tests: real {@code ipmi_sim} processes on loopback, with state a test can read
 * back without the project's own BMC code.
 */
package org.confluentcollective.testkit.bmc;
