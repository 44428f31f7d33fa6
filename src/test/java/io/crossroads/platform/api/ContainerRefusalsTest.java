package io.crossroads.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContainerRefusalsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/people/a%5Cb",
        "/api/people/a%5cb",
        "/api/people/a\\b",
        "/api/people/a%00b",
        "/api/people/a\u0000b",
        "/api/people/a%2Fb",
        "/api/people/a%2fb",
        "/api/people/a%zzb",
        "/api/people/a%5",
        "/api/people/a%",
        "/..",
        "/api/../../etc/passwd",
        "/api/%2E%2E/%2e%2e/x",
        "api/me",
        "*",
        ""
      })
  void aPathTheContainerWouldRefuseIsUnreadable(String path) {
    assertThat(ContainerRefusals.unreadable(path)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/api/me",
        "/api/people/a%20b",
        "/api/people/%C3%A9l%C3%A8ve",
        "/api/people/élève",
        "/api/people/a%25b",
        "/api/people/a%3Bb",
        "/api/./me",
        "/api/x/../me",
        "/api//me",
        "/api/people/.../x",
        "/api/people/..x",
        "/api/people/;jsessionid=1"
      })
  void anOrdinaryPathIsReadable(String path) {
    assertThat(ContainerRefusals.unreadable(path)).isFalse();
  }
}
