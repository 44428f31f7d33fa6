package io.crossroads.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutboxMessageTest {

  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

  OutboxMessage message() {
    return new OutboxMessage(
        "request-sent", UUID.randomUUID(), "leo@example.com", "Subject", "Body", null, null, NOW);
  }

  @Test
  void aNewMessageIsDueAtOnce() {
    OutboxMessage message = message();
    assertThat(message.nextAttemptAt()).isEqualTo(NOW);
    assertThat(message.sentAt()).isNull();
  }

  @Test
  void failuresBackOffExponentiallyUpToAnHour() {
    OutboxMessage message = message();

    message.failed("connection refused", NOW);
    assertThat(message.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofSeconds(15)));
    message.failed("connection refused", NOW);
    assertThat(message.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofSeconds(30)));
    for (int i = 0; i < 20; i++) {
      message.failed("connection refused", NOW);
    }
    assertThat(message.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    assertThat(message.attempts()).isEqualTo(22);
  }

  @Test
  void aSentMessageKeepsItsTime() {
    OutboxMessage message = message();
    message.sent(NOW);
    assertThat(message.sentAt()).isEqualTo(NOW);
  }
}
