/**
 * Node group commands: nodegroupdefine, nodegroupattrib, nodegrouplist, nodegroupremove,
 * nodegrouprename.
 */
package org.confluentcollective.cli.groups;
