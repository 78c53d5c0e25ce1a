/**
 * Attribute expressions: Python format-string templates with arithmetic, evaluated per node ({n1},
 * {node}-xcc, {n2:02d}).
 */
package org.confluentcollective.server.expressions;
