package io.crossroads.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who the client is and how it reached us, as this instance may believe it: the connection itself,
 * or what a configured reverse proxy says in {@code X-Forwarded-Proto} and {@code X-Forwarded-For}.
 * Anyone else can write those headers, so they count only from a trusted proxy.
 */
@ApplicationScoped
public class TrustedProxies {

  /** Literal IPv4 or IPv6 addresses only: anything else would make the JDK ask the DNS. */
  private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private static final int MAX_ADDRESS_LENGTH = 100;

  private final List<Range> trusted;

  TrustedProxies() {
    this(Optional.empty());
  }

  @Inject
  TrustedProxies(
      @ConfigProperty(name = "crossroads.http.trusted-proxies") Optional<String> proxies) {
    this.trusted =
        Arrays.stream(proxies.orElse("").split(","))
            .map(String::trim)
            .filter(proxy -> !proxy.isEmpty())
            .map(Range::parse)
            .toList();
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
    if (trusted.isEmpty() || address == null || !ADDRESS.matcher(address).matches()) {
      return false;
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress();
      return trusted.stream().anyMatch(range -> range.contains(bytes));
    } catch (UnknownHostException notAnAddress) {
      return false;
    }
  }

  /** An address or a CIDR block such as {@code 10.0.0.0/8} or {@code fd00::/8}. */
  record Range(byte[] network, int prefix) {

    static Range parse(String text) {
      String value = text.trim();
      int slash = value.indexOf('/');
      String address = slash < 0 ? value : value.substring(0, slash);
      if (!ADDRESS.matcher(address).matches()) {
        throw new IllegalArgumentException(
            "crossroads.http.trusted-proxies: " + value + " is not an IP address or CIDR block");
      }
      byte[] network;
      try {
        network = InetAddress.getByName(address).getAddress();
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException(
            "crossroads.http.trusted-proxies: " + value + " is not an IP address", e);
      }
      int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(value.substring(slash + 1));
      if (prefix < 0 || prefix > network.length * 8) {
        throw new IllegalArgumentException(
            "crossroads.http.trusted-proxies: " + value + " has a prefix out of range");
      }
      return new Range(network, prefix);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      if (!Arrays.equals(Arrays.copyOf(address, full), Arrays.copyOf(network, full))) {
        return false;
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xFF << (8 - rest) & 0xFF;
      return (address[full] & mask) == (network[full] & mask);
    }
  }
}
