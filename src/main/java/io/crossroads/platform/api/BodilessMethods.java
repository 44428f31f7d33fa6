package io.crossroads.platform.api;

import io.crossroads.platform.problem.Problem;
import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * A GET, HEAD, DELETE or OPTIONS request carries no body: one that does is refused unread with a
 * 400 problem, as a request whose length two parties might read differently (the container passes
 * such bodies on for this, see {@link ContainerRefusals}). Mapped in web.xml, before signing in.
 */
public class BodilessMethods extends HttpFilter {

  private static final Set<String> METHODS = Set.of("GET", "HEAD", "DELETE", "OPTIONS");

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (METHODS.contains(request.getMethod())
        && (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null)) {
      Problems.write(
          response,
          Problem.of(ProblemType.MALFORMED_REQUEST, request.getMethod() + " takes no body.")
              .at(request.getRequestURI()));
      return;
    }
    chain.doFilter(request, response);
  }
}
