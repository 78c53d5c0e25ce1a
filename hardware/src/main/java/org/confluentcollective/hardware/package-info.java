/**
 * Node hardware management: the node operations ({@code power/state}, {@code boot/nextdevice},
 * {@code identify}, inventory, health, sensors) run on the nodes this member manages, through one
 * BMC interface ({@code bmc}) with IPMI ({@code ipmi}) and Redfish ({@code redfish}) behind it,
 * chosen by {@code hardwaremanagement.method}. It uses only server's api package
 * (ArchitectureTest).
 */
package org.confluentcollective.hardware;
