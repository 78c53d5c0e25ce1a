/**
 * JSON bodies in and out: bounded request bodies and streamed answers.
 */
package org.confluentcollective.web.json;
