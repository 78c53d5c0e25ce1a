package org.confluentcollective.web.api;

/** The product version {@code /version} reports. */
public record ApiVersion(String value) {
}
