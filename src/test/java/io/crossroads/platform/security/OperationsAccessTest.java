package io.crossroads.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OperationsAccessTest {

  @Test
  void aListAdmitsItsAddressesAndNetworksOnly() {
    List<AddressRange> allowed =
        OperationsAccess.parse(" 10.1.0.0/16, 127.0.0.1 ,::1, 192.168.4.0/22");
    assertThat(OperationsAccess.admits(allowed, "127.0.0.1")).isTrue();
    assertThat(OperationsAccess.admits(allowed, "127.0.0.2")).isFalse();
    assertThat(OperationsAccess.admits(allowed, "10.1.255.3")).isTrue();
    assertThat(OperationsAccess.admits(allowed, "10.2.0.1")).isFalse();
    assertThat(OperationsAccess.admits(allowed, "192.168.7.255")).isTrue();
    assertThat(OperationsAccess.admits(allowed, "192.168.8.0")).isFalse();
    assertThat(OperationsAccess.admits(allowed, "0:0:0:0:0:0:0:1")).isTrue();
    assertThat(OperationsAccess.admits(allowed, "::2")).isFalse();
  }

  @Test
  void anythingButAnAddressIsRefusedNeverLookedUp() {
    List<AddressRange> everyone = OperationsAccess.parse("0.0.0.0/0");
    assertThat(OperationsAccess.admits(everyone, "203.0.113.9")).isTrue();
    assertThatThrownBy(() -> OperationsAccess.parse("prometheus.example.com"))
        .hasMessageContaining("is not an IP address");
    assertThatThrownBy(() -> OperationsAccess.parse("10.0.0.0/33"))
        .hasMessageContaining("has a prefix out of range");
  }
}
