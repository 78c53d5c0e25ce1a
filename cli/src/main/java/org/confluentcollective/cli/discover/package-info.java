/**
 * {@code nodediscover}, named as the original tool: the PXE discovery records of the member the
 * command talks to ({@code /discovery/by-mac/}), listed, assigned to nodes or cleared.
 */
package org.confluentcollective.cli.discover;
