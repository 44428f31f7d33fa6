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
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
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

  private List<Network> allowed;

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

  static boolean admits(List<Network> allowed, String address) {
    byte[] client;
    try {
      client = InetAddress.getByName(address).getAddress();
    } catch (UnknownHostException | RuntimeException notAnAddress) {
      return false;
    }
    return allowed.stream().anyMatch(network -> network.contains(client));
  }

  /** {@code 10.0.0.0/8, 127.0.0.1, ::1}: addresses, or networks with their prefix length. */
  static List<Network> parse(String list) {
    return Arrays.stream(list.split(","))
        .map(String::trim)
        .filter(entry -> !entry.isEmpty())
        .map(Network::of)
        .toList();
  }

  /** An address and how many of its leading bits a client must share with it. */
  record Network(byte[] address, int prefix) {

    static Network of(String entry) {
      int slash = entry.indexOf('/');
      String host = slash < 0 ? entry : entry.substring(0, slash);
      if (!host.matches("[0-9a-fA-F:.]+")) {
        throw new IllegalArgumentException(
            "crossroads.operations.allowed-clients: " + entry + " is not an address");
      }
      byte[] address;
      try {
        address = InetAddress.getByName(host).getAddress();
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(
            "crossroads.operations.allowed-clients: " + entry + " is not an address", e);
      }
      int prefix = slash < 0 ? address.length * 8 : Integer.parseInt(entry.substring(slash + 1));
      if (prefix < 0 || prefix > address.length * 8) {
        throw new IllegalArgumentException(
            "crossroads.operations.allowed-clients: " + entry + " has no such prefix length");
      }
      return new Network(address, prefix);
    }

    boolean contains(byte[] client) {
      if (client.length != address.length) {
        return false;
      }
      for (int bit = 0; bit < prefix; bit++) {
        int mask = 0x80 >>> (bit % 8);
        if ((client[bit / 8] & mask) != (address[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }
}
