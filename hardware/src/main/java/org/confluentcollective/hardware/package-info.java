/**
 * Node hardware management (the node-operations issue): one BMC interface, IPMI and Redfish
 * behind it, chosen by {@code hardwaremanagement.method}. It may use only server's api package
 * (ArchitectureTest). Empty until then; named now so that the module has its place in the build.
 */
package org.confluentcollective.hardware;
