package io.crossroads.platform.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Tells every API answer how long the service worked on it, as a {@code Server-Timing} header
 * ({@code app;dur=} milliseconds, from the start of resource dispatch to the answer, before the
 * body is written): what browsers' developer tools and benchmarks read as the server's share.
 */
@Provider
@Priority(1)
public class ServerTiming implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String STARTED = ServerTiming.class.getName() + ".started";

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(STARTED) instanceof Long started) {
      response.getHeaders().add("Server-Timing", "app;dur=" + millis(System.nanoTime() - started));
    }
  }

  /**
   * Nanoseconds as milliseconds with two decimals ({@code 12.05}), without a formatter per call.
   */
  static String millis(long nanos) {
    long hundredths = Math.round(Math.max(0, nanos) / 1e4);
    long fraction = hundredths % 100;
    return hundredths / 100 + (fraction < 10 ? ".0" : ".") + fraction;
  }
}
