/** {@code dump}, {@code restore} and {@code import}: online backup and migration from confluent. */
package org.confluentcollective.cli.archive;
