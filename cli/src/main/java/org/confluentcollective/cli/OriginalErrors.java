package org.confluentcollective.cli;

/**
 * Marks a command whose original tool prints the server's refusal as it is, without the
 * {@code Error: } prefix ({@code nodelist}, {@code nodedefine}, {@code noderemove},
 * {@code nodegroupdefine}, {@code nodegroupremove}): scripts compare that text.
 */
public interface OriginalErrors {
}
