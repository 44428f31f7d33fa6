package io.crossroads.it;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on what the API answers. */
final class ApiAssertions {

  private ApiAssertions() {}

  /** The answer is an RFC 9457 problem of this status and type. */
  static void assertProblem(Api.Reply reply, int status, String slug) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().getString("type")).isEqualTo("/problems/" + slug);
    assertThat(reply.json().getInt("status")).isEqualTo(status);
  }
}
