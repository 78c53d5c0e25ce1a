package org.confluentcollective.web.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a resource class or method requires. Without it, GET and HEAD need
 * {@link Permission#READ} and every other method {@link Permission#WRITE}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Allowed {
    Permission value();
}
