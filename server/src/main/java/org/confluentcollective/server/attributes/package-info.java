/**
 * The attribute catalog: names, aliases, value rules. The values readers and writers exchange
 * about attributes ({@code AttributeView}, {@code AttributeInput}, {@code AttributeSelection}) are in
 * {@code server.api}.
 */
package org.confluentcollective.server.attributes;
