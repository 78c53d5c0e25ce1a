/**
 * confluentctl: the command line and its subcommands, with the original tool's names and formats.
 */
package org.confluentcollective.cli;
