package io.crossroads.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodiesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"zzz\":{",
        "{\"zzz\":[",
        "{\"a\":[",
        "[",
        "{",
        "{\"topics\":[\"x\"",
        "{\"a\":{\"b\":{\"c\":",
        "{\"a\":1}}",
        "{\"a\":1} {",
        "nul",
        "{\"a\":\"open"
      })
  @Timeout(5)
  void aBodyThatEndsInsideAValueOrRunsOnIsMalformedAtOnce(String body) {
    assertThatThrownBy(
            () ->
                JsonBodies.checkComplete(
                    body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
        .isInstanceOfSatisfying(
            Refusal.class, r -> assertThat(r.type()).isEqualTo(ProblemType.MALFORMED_REQUEST));
  }

  @Test
  @Timeout(5)
  void nestingDeeperThanTheLimitIsMalformedWithoutRecursing() {
    byte[] deep = "[".repeat(100_000).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> JsonBodies.checkComplete(deep, StandardCharsets.UTF_8))
        .isInstanceOfSatisfying(
            Refusal.class,
            r -> {
              assertThat(r.type()).isEqualTo(ProblemType.MALFORMED_REQUEST);
              assertThat(r.getMessage()).contains("deeper than 32");
            });
    byte[] closed = ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> JsonBodies.checkComplete(closed, StandardCharsets.UTF_8))
        .isInstanceOf(Refusal.class);
  }

  @Test
  void completeDocumentsPassAsTheyAre() {
    for (String body :
        new String[] {
          "{}", "[]", "{\"topics\":[\"a\",\"b\"],\"n\":{\"x\":[1,2,{\"y\":null}]}}", "\"text\"", "3"
        }) {
      assertThatCode(
              () ->
                  JsonBodies.checkComplete(
                      body.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
          .as(body)
          .doesNotThrowAnyException();
    }
    String thirtyTwo = "[".repeat(32) + "]".repeat(32);
    assertThatCode(
            () ->
                JsonBodies.checkComplete(
                    thirtyTwo.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
        .doesNotThrowAnyException();
  }

  @Test
  void aBodyIsReadNoFurtherThanOneByteBeyondTheLimit() throws Exception {
    long[] served = {0};
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            served[0]++;
            return 'x';
          }
        };
    assertThatThrownBy(() -> JsonBodies.readAtMost(endless, 1024 * 1024))
        .isInstanceOfSatisfying(
            Refusal.class,
            r -> {
              assertThat(r.type()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE);
              assertThat(r.getMessage()).contains("1 MiB");
            });
    assertThat(served[0]).isLessThan(1024 * 1024 + 8192 + 1);
    assertThat(JsonBodies.readAtMost(new ByteArrayInputStream(new byte[1024]), 1024)).hasSize(1024);
  }

  @Test
  void aBodyThatStopsArrivingIsTheClientsTimeoutNotAFailureOfOurs() {
    InputStream stalled =
        new InputStream() {
          private int given;

          @Override
          public int read() throws IOException {
            if (given == 10) {
              throw new IOException(new java.util.concurrent.TimeoutException());
            }
            given++;
            return '{';
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            if (given == 10) {
              return read();
            }
            int n = Math.min(length, 10 - given);
            for (int i = 0; i < n; i++) {
              buffer[offset + i] = (byte) read();
            }
            return n;
          }
        };
    assertThatThrownBy(() -> JsonBodies.readAtMost(stalled, 1024))
        .isInstanceOfSatisfying(
            Refusal.class,
            r -> {
              assertThat(r.type()).isEqualTo(ProblemType.REQUEST_TIMEOUT);
              assertThat(r.type().status()).isEqualTo(408);
              assertThat(r.getMessage()).contains("after 10 bytes");
            });
  }
}
