package io.crossroads.platform.security;

import io.crossroads.platform.problem.Problem;
import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;

/** Enforces {@link RolesAllowed} on resources with a 403 problem. */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RolesFilter implements ContainerRequestFilter {

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return;
    }
    RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
    if (allowed == null) {
      allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }
    if (allowed == null) {
      return;
    }
    boolean permitted =
        Arrays.stream(allowed.value())
            .anyMatch(role -> request.getSecurityContext().isUserInRole(role));
    if (!permitted) {
      request.abortWith(
          Problems.response(
              Problem.of(
                  ProblemType.FORBIDDEN,
                  "This needs the role " + String.join(" or ", allowed.value()) + ".")));
    }
  }
}
