/**
 * Parsing attribute arguments (name=value, name,=item, name^=item, -c, -p) shared by node and
 * group commands.
 */
package org.confluentcollective.cli.attributes;
