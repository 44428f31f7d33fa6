package io.crossroads.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who the client is and how it reached us, as this instance may believe it: the connection itself,
 * or what a configured reverse proxy says in {@code X-Forwarded-Proto} and {@code X-Forwarded-For}.
 * Anyone else can write those headers, so they count only from a trusted proxy.
 */
@ApplicationScoped
public class TrustedProxies {

  private static final int MAX_ADDRESS_LENGTH = 100;

  private final List<AddressRange> trusted;

  TrustedProxies() {
    this(Optional.empty());
  }

  @Inject
  TrustedProxies(
      @ConfigProperty(name = "crossroads.http.trusted-proxies") Optional<String> proxies) {
    this.trusted = AddressRange.list("crossroads.http.trusted-proxies", proxies.orElse(""));
  }

  /** Whether the client reached the service over HTTPS, here or at a trusted proxy. */
  public boolean https(HttpServletRequest request) {
    if (request.isSecure()) {
      return true;
    }
    if (!trusts(request.getRemoteAddr())) {
      return false;
    }
    String proto = request.getHeader("X-Forwarded-Proto");
    if (proto == null) {
      return false;
    }
    // Proxies in a chain may each add theirs: the first is what the client used.
    return "https".equalsIgnoreCase(proto.split(",", 2)[0].trim());
  }

  /**
   * The client's address: the connection's, or, from a trusted proxy, the nearest address in {@code
   * X-Forwarded-For} that is not a trusted proxy itself. At most 100 characters.
   */
  public String clientAddress(HttpServletRequest request) {
    String address = request.getRemoteAddr();
    if (trusts(address)) {
      String forwarded = request.getHeader("X-Forwarded-For");
      if (forwarded != null) {
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
          String hop = hops[i].trim();
          if (hop.isEmpty()) {
            continue;
          }
          address = hop;
          if (!trusts(hop)) {
            break;
          }
        }
      }
    }
    return address.length() > MAX_ADDRESS_LENGTH
        ? address.substring(0, MAX_ADDRESS_LENGTH)
        : address;
  }

  boolean trusts(String address) {
    return AddressRange.any(trusted, address);
  }
}
