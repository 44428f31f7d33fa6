package io.crossroads.platform.api;

import io.crossroads.platform.problem.Problem;
import io.crossroads.platform.problem.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Whatever the container itself refuses (unknown pages, oversized bodies) is a problem too. */
@WebServlet(urlPatterns = "/error")
public class ErrorServlet extends HttpServlet {

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    Problem problem =
        thrown instanceof Throwable t
            ? Problems.from(t)
            : Problems.fromStatus(code instanceof Integer status ? status : 404);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    response.setStatus(problem.status());
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(problem.at(uri == null ? null : uri.toString()).toJson());
  }
}
