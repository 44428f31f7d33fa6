package io.crossroads.platform.security;

import io.crossroads.platform.problem.Problem;
import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits how often one person may attempt a {@link RateLimited} operation (sending requests):
 * beyond the limit a 429 problem with {@code Retry-After}. Attempts are counted before the body is
 * even read, so invalid ones count too.
 */
@Provider
@RateLimited
@Priority(Priorities.AUTHORIZATION + 10)
public class RateLimitFilter implements ContainerRequestFilter {

  @Context ResourceInfo resource;
  @Context jakarta.servlet.http.HttpServletRequest servletRequest;
  @Inject RateLimits limits;

  @Inject
  @ConfigProperty(name = "crossroads.rate.requests.limit", defaultValue = "30")
  int limit;

  @Inject
  @ConfigProperty(name = "crossroads.rate.requests.window", defaultValue = "PT1H")
  Duration window;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!(servletRequest.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller)) {
      return;
    }
    String action =
        resource.getResourceClass().getSimpleName() + "." + resource.getResourceMethod().getName();
    Optional<Duration> wait = limits.attempt(action, caller.id().toString(), limit, window);
    if (wait.isPresent()) {
      long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toNanosPart() > 0 ? 1 : 0));
      request.abortWith(
          Response.fromResponse(
                  Problems.response(
                      Problem.of(
                          ProblemType.RATE_LIMITED,
                          "You have made "
                              + limit
                              + " attempts in "
                              + window.toMinutes()
                              + " minutes. Try again in "
                              + seconds
                              + " seconds.")))
              .header("Retry-After", seconds)
              .build());
    }
  }
}
