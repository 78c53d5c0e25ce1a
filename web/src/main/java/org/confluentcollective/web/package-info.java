/**
 * confluentd: the member daemon and its configuration; it hands server's {@code Member} the
 * HTTPS member channel, the hardware service and the API as parts.
 */
package org.confluentcollective.web;
