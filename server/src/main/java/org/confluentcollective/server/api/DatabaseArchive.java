package org.confluentcollective.server.api;

import java.util.Map;
import java.util.SortedMap;

/**
 * Online backup and migration of the database (docs/operations.md, Backups): a consistent dump
 * of nodes, groups and users as JSON files, its restore, and the import of a dump written by the
 * original confluent's {@code confluentdbutil dump}. Failures are {@link RequestException}s; a
 * refused request (bad input, wrong passphrase, no quorum) writes nothing.
 */
public interface DatabaseArchive {

    /** The files of a dump: {@code meta.json}, {@code nodes.json}, {@code groups.json}, {@code users.json}. */
    String META = "meta.json";

    /**
     * A dump of one state of this member's copy, taken after a consistent read (every change the
     * collective committed before the call is in it).
     *
     * @param passphrase seals each secret (AES-256-GCM, key from PBKDF2-HMAC-SHA256 with a fresh
     *                   salt); {@code null} leaves the secrets out (a redacted dump, said in meta.json)
     * @return file name → file text, in a stable order and format
     */
    SortedMap<String, String> dump(char[] passphrase);

    /**
     * Restores a dump made by {@link #dump}. Everything is checked (format, names, expressions,
     * every sealed secret opened with the passphrase) before the first write; the changes are
     * then written in batches. BAD_REQUEST names the first problem; UNAVAILABLE without quorum.
     *
     * @param passphrase opens the sealed secrets; may be null for a redacted dump
     * @param merge      false: the database ends up holding exactly the dump (nodes, groups and
     *                   users not in it are removed); true: entries of the dump replace the entries
     *                   of the same name, the others stay
     */
    ArchiveReport restore(Map<String, String> files, char[] passphrase, boolean merge);

    /**
     * Imports a dump of the original confluent ({@code main.json}, optional {@code keys.json},
     * {@code globals.json}, {@code collective.json}): everything that maps is written, what does
     * not is listed in the report (docs/operations.md).
     *
     * @param passphrase opens a passphrase-protected {@code keys.json}; null for none
     * @param merge      as for {@link #restore}; an import usually merges (keeping the users made at setup)
     */
    ArchiveReport importConfluent(Map<String, String> files, char[] passphrase, boolean merge);
}
