package io.crossroads.demo;

import io.crossroads.people.DemoMode;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What the sign-in page may say about the demo: the users to try and their password in demo mode,
 * nothing otherwise. The page asks, so a deployment without the demo never shows the hint.
 */
@WebServlet(urlPatterns = "/login/demo")
public class DemoSignInHints extends HttpServlet {

  @Inject DemoMode demoMode;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    JsonObject hints =
        demoMode.active()
            ? Json.createObjectBuilder()
                .add("demo", true)
                .add("users", Json.createArrayBuilder(DemoOrganisation.SIGN_IN_USERS))
                .add("password", DemoSeeder.PASSWORD)
                .build()
            : Json.createObjectBuilder().add("demo", false).build();
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(hints.toString());
  }
}
