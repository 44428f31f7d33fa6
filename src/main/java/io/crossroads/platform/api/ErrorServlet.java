package io.crossroads.platform.api;

import io.crossroads.platform.problem.Problem;
import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Whatever the container itself refuses (unknown pages, oversized bodies, paths it cannot map) is a
 * problem too.
 */
@WebServlet(urlPatterns = {"/error", ErrorServlet.UNREADABLE_PATH})
public class ErrorServlet extends HttpServlet {

  /** Where {@link ContainerRefusals} sends a request whose path the container would refuse. */
  static final String UNREADABLE_PATH = "/error/unreadable-path";

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    Problem problem;
    if (thrown instanceof Throwable t) {
      problem = Problems.from(t).at(uri == null ? null : uri.toString());
    } else if (code instanceof Integer status) {
      problem = Problems.fromStatus(status).at(uri == null ? null : uri.toString());
    } else if (UNREADABLE_PATH.equals(request.getServletPath())) {
      // The path as sent is not repeated: it is what could not be read.
      problem =
          Problem.of(
              ProblemType.UNREADABLE_PATH,
              "No address here holds a backslash, a NUL, an encoded slash, a malformed %-escape"
                  + " or a '..' above the root.");
    } else {
      problem = Problems.fromStatus(404).at(request.getRequestURI());
    }
    Problems.write(response, problem);
  }
}
