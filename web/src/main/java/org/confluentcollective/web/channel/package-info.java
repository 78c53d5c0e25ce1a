/**
 * The member-to-member channel over HTTPS (the collective's {@code MemberChannel}): the client half
 * of the enrollment, and the message keys both halves share with {@code api.CollectiveResource}.
 */
package org.confluentcollective.web.channel;
