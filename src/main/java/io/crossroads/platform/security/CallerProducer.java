package io.crossroads.platform.security;

import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** Makes the signed-in caller injectable into request-scoped resources. */
@ApplicationScoped
class CallerProducer {

  @Inject HttpServletRequest request;

  @Produces
  @Dependent
  Caller caller() {
    if (request.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller) {
      return caller;
    }
    throw new Refusal(ProblemType.UNAUTHENTICATED, "Sign in with your user name and password.");
  }
}
