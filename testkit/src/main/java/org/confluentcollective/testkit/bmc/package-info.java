/**
 * BMC simulators for tests: {@code RedfishSimulator} runs one real, independently written Redfish
 * service (sushy-tools' emulator, vendored in {@code ../shared/vendor/sushy-tools}) per node.
 */
package org.confluentcollective.testkit.bmc;
