/**
 * Test support: real member processes (MemberProcess) and the fault suite.
 */
package org.confluentcollective.testkit;
