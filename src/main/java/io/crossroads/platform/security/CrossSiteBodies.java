package io.crossroads.platform.security;

import io.crossroads.platform.problem.Problem;
import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Set;

/**
 * No change is made from a body that a page on another site can make a browser send: an HTML form
 * (URL-encoded, multipart or {@code text/plain}) crosses sites without asking, carrying whatever
 * credentials the browser holds for this one. Every operation that changes something takes JSON,
 * CSV or no body at all, so such a content type is refused with 415 before anything else is read,
 * whichever way the caller signed in.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class CrossSiteBodies implements ContainerRequestFilter {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  /** The content types a form or a no-cors request may send from any site. */
  static final Set<String> FORM_TYPES =
      Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

  @Override
  public void filter(ContainerRequestContext request) {
    if (SAFE_METHODS.contains(request.getMethod())) {
      return;
    }
    String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
    if (contentType == null) {
      return;
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (FORM_TYPES.contains(type)) {
      request.abortWith(
          Problems.response(
              Problem.of(
                  ProblemType.UNSUPPORTED_MEDIA_TYPE,
                  "Changes are never taken from a form or plain text: send JSON, or no body"
                      + " where the operation takes none.")));
    }
  }
}
