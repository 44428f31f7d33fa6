package io.crossroads.platform.problem;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The one place where exceptions become responses. Specific mappers exist only so that the
 * runtime's own mappers for these types never answer instead of ours.
 */
public final class ProblemMappers {

  private ProblemMappers() {}

  abstract static class Base<E extends Throwable> implements ExceptionMapper<E> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(E exception) {
      Problem problem = Problems.from(exception);
      return Problems.response(
          uri == null ? problem : problem.at(uri.getRequestUri().getRawPath()));
    }
  }

  @Provider
  public static class RefusalMapper extends Base<Refusal> {
    @Override
    public Response toResponse(Refusal refusal) {
      Response response = super.toResponse(refusal);
      return refusal
          .retryAfter()
          .map(
              wait ->
                  Response.fromResponse(response)
                      .header(
                          "Retry-After",
                          Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0)))
                      .build())
          .orElse(response);
    }
  }

  @Provider
  public static class ValidationMapper extends Base<ConstraintViolationException> {}

  @Provider
  public static class WebApplicationMapper extends Base<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException exception) {
      if (exception.getResponse().getStatus() >= 500) {
        return super.toResponse(exception);
      }
      Problem problem = Problems.from(exception);
      Response.ResponseBuilder response =
          Response.fromResponse(
              Problems.response(
                  uri == null ? problem : problem.at(uri.getRequestUri().getRawPath())));
      // Keep what the runtime worked out, such as the Allow header of a 405.
      exception
          .getResponse()
          .getHeaders()
          .forEach(
              (name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type")) {
                  values.forEach(value -> response.header(name, value));
                }
              });
      return response.build();
    }
  }

  @Provider
  public static class UnexpectedMapper extends Base<Throwable> {}
}
