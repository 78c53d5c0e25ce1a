/**
 * OS deployment commands, named as the original tools: {@code osdeploy} (this member's deployment
 * root: {@code /deployment/...}) and {@code nodedeploy} ({@code /noderange/<nr>/deployment}, and
 * with {@code -n} the node operations {@code boot/nextdevice} and {@code power/state}).
 */
package org.confluentcollective.cli.deploy;
