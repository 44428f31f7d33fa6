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
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Limits how often one person may attempt a {@link RateLimited} operation (sending requests, every
 * write that mails someone): beyond the limit a 429 problem with {@code Retry-After}. Attempts are
 * counted before the body is even read, so invalid ones count too.
 */
@Provider
@RateLimited
@Priority(Priorities.AUTHORIZATION + 10)
public class RateLimitFilter implements ContainerRequestFilter {

  @Context ResourceInfo resource;
  @Context jakarta.servlet.http.HttpServletRequest servletRequest;
  @Inject RateLimits limits;
  @Inject Config config;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!(servletRequest.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller)) {
      return;
    }
    Method method = resource.getResourceMethod();
    RateLimited marked = method.getAnnotation(RateLimited.class);
    if (marked == null) {
      marked = resource.getResourceClass().getAnnotation(RateLimited.class);
    }
    RateLimited.Kind kind = marked == null ? RateLimited.Kind.MAIL : marked.value();
    int limit =
        config.getOptionalValue(kind.limitProperty(), Integer.class).orElse(kind.defaultLimit());
    Duration window =
        config.getOptionalValue(kind.windowProperty(), Duration.class).orElse(kind.defaultWindow());
    String action = resource.getResourceClass().getSimpleName() + "." + method.getName();
    Optional<Duration> wait = limits.attempt(action, caller.id().toString(), limit, window);
    if (wait.isPresent()) {
      request.abortWith(
          tooMany(wait.get(), "You have made " + limit + " attempts in " + span(window) + "."));
    }
  }

  /** A 429 problem that says when to try again, in whole seconds rounded up. */
  public static Response tooMany(Duration wait, String detail) {
    long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    return Response.fromResponse(
            Problems.response(
                Problem.of(
                    ProblemType.RATE_LIMITED, detail + " Try again in " + seconds + " seconds.")))
        .header("Retry-After", seconds)
        .build();
  }

  /** A window as people say it: 1 day, 24 hours, 90 minutes. */
  static String span(Duration window) {
    if (window.toDays() > 0 && window.equals(Duration.ofDays(window.toDays()))) {
      return window.toDays() == 1 ? "a day" : window.toDays() + " days";
    }
    if (window.toHours() > 0 && window.equals(Duration.ofHours(window.toHours()))) {
      return window.toHours() == 1 ? "an hour" : window.toHours() + " hours";
    }
    return Math.max(1, window.toMinutes()) + " minutes";
  }
}
