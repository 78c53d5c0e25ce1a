/**
 * Printing answers the way the original tool does: per-node lines, show formats, JSON.
 */
package org.confluentcollective.cli.output;
