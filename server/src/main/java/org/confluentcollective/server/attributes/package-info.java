/**
 * The attribute catalog (names, aliases, value rules) and the values readers and writers exchange
 * about attributes.
 */
package org.confluentcollective.server.attributes;
