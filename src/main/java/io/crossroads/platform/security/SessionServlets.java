package io.crossroads.platform.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;

/** The portal's sign-in and sign-out: a form post, then a session cookie. */
public final class SessionServlets {

  private SessionServlets() {}

  @WebServlet(urlPatterns = "/login")
  public static class Login extends HttpServlet {
    @Inject Accounts accounts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.sendRedirect(request.getContextPath() + "/login.html");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      Optional<Caller> caller =
          accounts.authenticate(request.getParameter("username"), request.getParameter("password"));
      if (caller.isEmpty()) {
        response.sendRedirect(request.getContextPath() + "/login.html?failed");
        return;
      }
      HttpSession previous = request.getSession(false);
      if (previous != null) {
        previous.invalidate(); // a fresh session id on sign-in: no session fixation
      }
      request.getSession(true).setAttribute(AuthenticationFilter.SESSION_PERSON, caller.get().id());
      response.setStatus(HttpServletResponse.SC_SEE_OTHER);
      response.setHeader("Location", request.getContextPath() + "/");
    }
  }

  @WebServlet(urlPatterns = "/logout")
  public static class Logout extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      response.setStatus(HttpServletResponse.SC_SEE_OTHER);
      response.setHeader("Location", request.getContextPath() + "/login.html");
    }
  }
}
