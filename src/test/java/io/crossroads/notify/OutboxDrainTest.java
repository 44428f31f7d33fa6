package io.crossroads.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * How a batch moves through the outbox when the sender dies, stalls or cannot connect: the rows are
 * kept in memory here, with the same rules as the outbox table (what is due, what is leased).
 */
class OutboxDrainTest {

  static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
  static final Duration LEASE = Duration.ofMinutes(2);

  final Ticking clock = new Ticking(START);
  final Rows rows = new Rows();
  final List<UUID> delivered = new ArrayList<>();

  /** An instance: its own outbox over the shared rows, its sender over the shared server. */
  Outbox instance(Sender sender) {
    Outbox outbox = new Outbox();
    outbox.settings = new MailSettings();
    outbox.settings.host = Optional.of("localhost");
    outbox.settings.lease = LEASE;
    outbox.clock = clock;
    outbox.leases = rows;
    outbox.sender = sender;
    return outbox;
  }

  void queue(int count) {
    for (int i = 0; i < count; i++) {
      rows.add(
          new OutboxMessage(
              "invitation",
              UUID.randomUUID(),
              "person" + i + "@example.com",
              "Subject",
              "Body",
              null,
              null,
              START.minusSeconds(count - i)));
    }
  }

  @Test
  void anInstanceThatDiesWhileSendingLeavesOnlyTheMessageInFlightToBeSentTwice() {
    queue(Outbox.BATCH);
    // The server takes the fourth message; the instance dies before recording it.
    Outbox dying = instance(new Sender(4, null));
    assertThatThrownBy(dying::drain).isInstanceOf(Killed.class);

    assertThat(rows.sent()).hasSize(3);
    Outbox survivor = instance(new Sender(Integer.MAX_VALUE, null));
    clock.advance(LEASE.minusSeconds(1));
    assertThat(survivor.drain()).as("the dead instance's lease still holds").isZero();

    clock.advance(Duration.ofSeconds(1));
    assertThat(survivor.drain()).isEqualTo(Outbox.BATCH - 3);

    assertThat(rows.sent()).hasSize(Outbox.BATCH);
    assertThat(delivered).hasSize(Outbox.BATCH + 1);
    assertThat(delivered.stream().distinct()).hasSize(Outbox.BATCH);
    UUID inFlight = rows.inOrder().get(3).id();
    assertThat(delivered.stream().filter(inFlight::equals)).hasSize(2);
  }

  @Test
  void aBatchStillGoingAtHalfItsLeaseGivesTheRestBackForAnyInstanceToSendAtOnce() {
    queue(10);
    // Each message takes the server 10 seconds: the sixth starts at 50 s, the seventh would at
    // 60 s, half the lease.
    Outbox slow = instance(new Sender(Integer.MAX_VALUE, Duration.ofSeconds(10)));

    assertThat(slow.drain()).isEqualTo(6);

    assertThat(rows.sent()).hasSize(6);
    assertThat(rows.due(clock.instant())).hasSize(4);
    Outbox other = instance(new Sender(Integer.MAX_VALUE, null));
    assertThat(other.drain()).isEqualTo(4);
    assertThat(delivered).hasSize(10).doesNotHaveDuplicates();
  }

  @Test
  void whenTheServerCannotBeReachedTheBatchBacksOffAndIsSentOnceItCanBe() {
    queue(3);
    Outbox outbox = instance(new Sender(Integer.MAX_VALUE, null).unreachable());

    assertThat(outbox.drain()).isZero();

    assertThat(rows.inOrder())
        .allSatisfy(
            m -> {
              assertThat(m.attempts()).isEqualTo(1);
              assertThat(m.nextAttemptAt()).isEqualTo(START.plus(OutboxMessage.FIRST_RETRY));
            });
    outbox.sender = new Sender(Integer.MAX_VALUE, null);
    assertThat(outbox.drain()).as("backing off").isZero();
    clock.advance(OutboxMessage.FIRST_RETRY);
    assertThat(outbox.drain()).isEqualTo(3);
    assertThat(delivered).hasSize(3);
  }

  @Test
  void whatWasSentWhileTheDatabaseWasAwayIsRecordedOnceItIsBackAndTheRestGoesOutAtOnce() {
    queue(10);
    // The database goes away once the server has taken the third message.
    Outbox outbox =
        instance(
            new Sender(Integer.MAX_VALUE, null) {
              private boolean wentAway;

              @Override
              void taken(int count) {
                if (count == 3 && !wentAway) {
                  wentAway = true;
                  rows.away = true;
                }
              }
            });

    assertThat(outbox.drain()).isEqualTo(3);
    assertThat(rows.sent()).as("recorded before it went").hasSize(2);
    assertThatThrownBy(outbox::drain).as("still away").isInstanceOf(IllegalStateException.class);

    rows.away = false;
    clock.advance(Duration.ofSeconds(5));
    assertThat(outbox.drain()).as("well within the lease").isEqualTo(7);
    assertThat(rows.sent()).hasSize(10);
    assertThat(delivered).hasSize(10).doesNotHaveDuplicates();
  }

  /** The process ending in the middle of a batch. */
  static final class Killed extends Error {}

  /** The SMTP server as the sender sees it: takes messages, optionally slowly, until killed. */
  class Sender extends MailSender {
    private final int dieAfter;
    private final Duration each;
    private boolean unreachable;

    Sender(int dieAfter, Duration each) {
      this.dieAfter = dieAfter;
      this.each = each;
    }

    Sender unreachable() {
      unreachable = true;
      return this;
    }

    @Override
    public void send(List<OutboxMessage> messages, Instant now, Receipts receipts)
        throws MessagingException {
      if (unreachable) {
        throw new MessagingException("Connection refused");
      }
      int taken = 0;
      for (OutboxMessage message : messages) {
        if (!receipts.mayGoOn()) {
          return;
        }
        if (each != null) {
          clock.advance(each);
        }
        delivered.add(message.id());
        if (++taken == dieAfter) {
          throw new Killed();
        }
        taken(taken);
        receipts.sent(message);
      }
    }

    /** After the server took a message, before the sender hears so. */
    void taken(int count) {}
  }

  /** The outbox table: what is due is unsent with its next attempt now or earlier. */
  static final class Rows extends OutboxLeases {
    private final Map<UUID, OutboxMessage> table = new LinkedHashMap<>();
    boolean away;

    private void reachable() {
      if (away) {
        throw new IllegalStateException("The database cannot be reached");
      }
    }

    void add(OutboxMessage message) {
      table.put(message.id(), message);
    }

    List<OutboxMessage> inOrder() {
      return table.values().stream()
          .sorted(Comparator.comparing(OutboxMessage::createdAt))
          .toList();
    }

    List<OutboxMessage> sent() {
      return inOrder().stream().filter(m -> m.sentAt() != null).toList();
    }

    List<OutboxMessage> due(Instant now) {
      return inOrder().stream()
          .filter(m -> m.sentAt() == null && !m.nextAttemptAt().isAfter(now))
          .sorted(Comparator.comparing(OutboxMessage::nextAttemptAt))
          .toList();
    }

    @Override
    public List<OutboxMessage> claim(Instant now, Instant leaseEnd, int limit) {
      reachable();
      List<OutboxMessage> claimed = due(now).stream().limit(limit).toList();
      claimed.forEach(m -> m.leasedUntil(leaseEnd));
      return claimed;
    }

    @Override
    public void sent(UUID message, Instant now) {
      reachable();
      table.get(message).sent(now);
    }

    @Override
    public void failed(UUID message, String reason, Instant now) {
      reachable();
      table.get(message).failed(reason, now);
    }

    @Override
    public void release(Collection<UUID> messages, Instant now) {
      reachable();
      messages.forEach(id -> table.get(id).leasedUntil(now));
    }
  }

  /** A clock the test moves. */
  static final class Ticking extends Clock {
    private Instant now;

    Ticking(Instant start) {
      now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
