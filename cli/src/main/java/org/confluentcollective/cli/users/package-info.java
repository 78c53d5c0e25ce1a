/**
 * user add, list, remove and passwd.
 */
package org.confluentcollective.cli.users;
