/**
 * confluentd: the member daemon, its configuration and what starts and stops its parts.
 */
package org.confluentcollective.web;
