/**
 * The IPMI 2.0 (RMCP+, lanplus) implementation of the BMC interface, over the low-level sync API of
 * ipmi-java with a fixed cipher suite and a few request codings of our own.
 */
package org.confluentcollective.hardware.ipmi;
