/**
 * One interface for a node's BMC ({@code Bmc}, opened by a protocol's {@code BmcConnector}) and
 * the values it speaks in: power, next boot, inventory, sensors and health.
 */
package org.confluentcollective.hardware.bmc;
