package io.crossroads.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  static final TrustedProxies PROXIES =
      new TrustedProxies(Optional.of("10.0.0.0/8, 192.168.1.7,fd00::/8"));

  /** A plain-HTTP request from {@code peer} with these headers. */
  static HttpServletRequest request(String peer, Map<String, String> headers) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            TrustedProxiesTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getRemoteAddr" -> peer;
                  case "getHeader" -> headers.get((String) args[0]);
                  case "isSecure" -> false;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  @Test
  void addressesAndBlocksOfBothFamiliesAreTrusted() {
    assertThat(PROXIES.trusts("10.200.3.4")).isTrue();
    assertThat(PROXIES.trusts("192.168.1.7")).isTrue();
    assertThat(PROXIES.trusts("192.168.1.8")).isFalse();
    assertThat(PROXIES.trusts("11.0.0.1")).isFalse();
    assertThat(PROXIES.trusts("fd12:3456::1")).isTrue();
    assertThat(PROXIES.trusts("fe80::1")).isFalse();
    assertThat(PROXIES.trusts("proxy.example.com")).as("never a name to look up").isFalse();
  }

  @Test
  void nothingIsTrustedUnlessConfigured() {
    TrustedProxies none = new TrustedProxies(Optional.empty());
    HttpServletRequest spoofed =
        request("127.0.0.1", Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "1.2.3.4"));
    assertThat(none.https(spoofed)).isFalse();
    assertThat(none.clientAddress(spoofed)).isEqualTo("127.0.0.1");
  }

  @Test
  void aTrustedProxyNamesTheClientAndItsScheme() {
    HttpServletRequest forwarded =
        request(
            "10.0.0.5",
            Map.of(
                "X-Forwarded-Proto", "https", "X-Forwarded-For", "6.6.6.6, 203.0.113.9, 10.1.1.1"));
    assertThat(PROXIES.https(forwarded)).isTrue();
    assertThat(PROXIES.clientAddress(forwarded))
        .as("the nearest address that is not a trusted proxy; what the client wrote is ignored")
        .isEqualTo("203.0.113.9");
    assertThat(PROXIES.https(request("10.0.0.5", Map.of("X-Forwarded-Proto", "http")))).isFalse();
  }

  @Test
  void anyoneElsesForwardedHeadersAreIgnored() {
    HttpServletRequest spoofed =
        request("203.0.113.9", Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "10.0.0.1"));
    assertThat(PROXIES.https(spoofed)).isFalse();
    assertThat(PROXIES.clientAddress(spoofed)).isEqualTo("203.0.113.9");
  }

  @Test
  void aProxyThatIsNotAnAddressIsRefusedAtStartUp() {
    assertThatThrownBy(() -> new TrustedProxies(Optional.of("ingress.local")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("crossroads.http.trusted-proxies");
    assertThatThrownBy(() -> new TrustedProxies(Optional.of("10.0.0.0/33")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
