/**
 * Every failure as a JSON body {"errorcode","error"} with the status its kind stands for,
 * including Jersey's and Jetty's own.
 */
package org.confluentcollective.web.errors;
