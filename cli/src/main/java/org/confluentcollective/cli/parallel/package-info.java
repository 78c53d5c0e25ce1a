/**
 * The tools that run a process per node, a bounded number at a time: {@code nodeshell} (ssh),
 * {@code noderun} (a local command) and {@code nodeping}.
 */
package org.confluentcollective.cli.parallel;
