/** {@code collate}: groups the nodes whose output is the same, and writes node sets as short noderanges. */
package org.confluentcollective.cli.collate;
