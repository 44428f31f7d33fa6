package io.crossroads.platform.security;

import io.crossroads.platform.problem.Problem;
import io.crossroads.platform.problem.ProblemType;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may read the runtime's metrics and the OpenAPI document: with {@code
 * crossroads.operations.allowed-clients} set, only those client addresses and networks; anyone else
 * gets a 403 problem. Payara serves both from the application at the root context, so this filter
 * sees them there. The address is the client's as {@link TrustedProxies} reads it: behind a trusted
 * ingress, the address the ingress was reached from, so the ingress itself is never let through.
 */
@WebFilter(urlPatterns = {"/metrics", "/metrics/*", "/openapi", "/openapi/*"})
public class OperationsAccess extends HttpFilter {

  @Inject
  @ConfigProperty(name = "crossroads.operations.allowed-clients")
  Optional<String> allowedClients;

  @Inject TrustedProxies proxies;

  private List<AddressRange> allowed;

  @Override
  public void init() {
    allowed = allowedClients.map(OperationsAccess::parse).orElse(null);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (allowed == null || admits(allowed, proxies.clientAddress(request))) {
      chain.doFilter(request, response);
      return;
    }
    AuthenticationFilter.write(
        response,
        Problem.of(
            ProblemType.FORBIDDEN, "Metrics and the API description are for operations only."),
        request);
  }

  static boolean admits(List<AddressRange> allowed, String address) {
    return AddressRange.any(allowed, address);
  }

  /** {@code 10.0.0.0/8, 127.0.0.1, ::1}: addresses, or networks with their prefix length. */
  static List<AddressRange> parse(String list) {
    return AddressRange.list("crossroads.operations.allowed-clients", list);
  }
}
