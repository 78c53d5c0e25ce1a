/**
 * The REST resources (docs/api.md): nodes, noderanges, groups, users, the collective and ZooKeeper
 * inspection.
 */
package org.confluentcollective.web.api;
