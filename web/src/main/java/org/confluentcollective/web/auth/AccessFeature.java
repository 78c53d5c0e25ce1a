package org.confluentcollective.web.auth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;
import org.confluentcollective.web.errors.ErrorBody;

/** Gives every resource method a filter that checks the caller's role against what it needs. */
public final class AccessFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        context.register(new AccessFilter(required(resource)), Priorities.AUTHORIZATION);
    }

    static Permission required(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Allowed onMethod = method.getAnnotation(Allowed.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        Allowed onClass = resource.getResourceClass().getAnnotation(Allowed.class);
        if (onClass != null) {
            return onClass.value();
        }
        return method.isAnnotationPresent(GET.class) || method.isAnnotationPresent(HEAD.class)
                ? Permission.READ : Permission.WRITE;
    }

    @Priority(Priorities.AUTHORIZATION)
    private record AccessFilter(Permission needed) implements ContainerRequestFilter {

        @Override
        public void filter(ContainerRequestContext request) {
            Caller caller = (Caller) request.getSecurityContext().getUserPrincipal();
            if (caller == null) {
                // Authentication runs first and always sets a caller; refuse rather than trust.
                request.abortWith(ErrorBody.response(403, "no authenticated caller"));
            } else if (!needed.grantedTo(caller.role())) {
                request.abortWith(ErrorBody.response(403, "user " + caller.name() + " (role "
                        + caller.role().name().toLowerCase() + ") may not " + describe(needed)));
            }
        }

        private static String describe(Permission permission) {
            return switch (permission) {
                case READ -> "read this";
                case WRITE -> "change anything";
                case ADMINISTER -> "do this (administrators only)";
            };
        }
    }
}
