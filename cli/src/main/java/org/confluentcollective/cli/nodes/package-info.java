/**
 * Node commands: nodedefine, nodeattrib, nodelist, noderemove, noderename.
 */
package org.confluentcollective.cli.nodes;
