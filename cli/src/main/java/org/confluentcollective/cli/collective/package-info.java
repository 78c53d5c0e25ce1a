/**
 * collective show, invite, join, delete and recover.
 */
package org.confluentcollective.cli.collective;
