/**
 * The Jepsen-style fault suite (docs/faults.md): members, clients recording a history, a nemesis,
 * and a checker.
 */
package org.confluentcollective.testkit.faults;
