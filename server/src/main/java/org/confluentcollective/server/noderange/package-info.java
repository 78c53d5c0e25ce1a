/**
 * The noderange grammar: lexer, parser and evaluator of node and group names, ranges, regular
 * expressions and attribute selectors, with natural sort and abbreviation.
 */
package org.confluentcollective.server.noderange;
