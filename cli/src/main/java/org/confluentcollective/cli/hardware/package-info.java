/**
 * Hardware management commands, named as the original tools: nodepower, nodesetboot, nodeboot,
 * nodeidentify, nodeinventory, nodehealth, nodesensors. They read and change node operations
 * ({@code /noderange/<nr>/power/state}, ...) and print each node's answer or error.
 */
package org.confluentcollective.cli.hardware;
