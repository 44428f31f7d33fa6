package io.crossroads.it;

import static org.awaitility.Awaitility.await;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/** What the test SMTP server received, per recipient, and the calendars inside. */
final class Mailbox {

  static final Duration DELIVERY = Duration.ofSeconds(120);

  private Mailbox() {}

  /** The messages addressed to this user so far. */
  static List<MimeMessage> to(String username) throws Exception {
    String address = address(username);
    List<MimeMessage> mine = new ArrayList<>();
    for (MimeMessage message : TestEnvironment.smtp().getReceivedMessages()) {
      if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
          .anyMatch(a -> a.toString().equalsIgnoreCase(address))) {
        mine.add(message);
      }
    }
    return mine;
  }

  /** The messages addressed to this user, once there are at least {@code count}. */
  static List<MimeMessage> awaitMessages(String username, int count) {
    return await(username + " has " + count + " messages")
        .atMost(DELIVERY)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> to(username), mine -> mine.size() >= count);
  }

  /**
   * Waits until the outbox holds no unsent message for this user: everything queued for them so far
   * has reached the SMTP server, so their mail counted now is all the mail they get.
   */
  static void awaitOutboxDrained(String username) {
    await("the outbox has nothing left for " + username)
        .atMost(DELIVERY)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> outbox(username, "sent_at is null") == 0);
  }

  /** Waits until sending a message to this user has been tried and has failed. */
  static void awaitFailedAttempt(String username) {
    await("a failed attempt to send to " + username)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> outbox(username, "sent_at is null and attempts > 0") > 0);
  }

  /** How many outbox messages to this user match the condition. */
  private static int outbox(String username, String condition) throws SQLException {
    try (Connection db = TestEnvironment.database();
        PreparedStatement count =
            db.prepareStatement(
                "select count(*) from outbox_message where lower(recipient_email) = ? and "
                    + condition)) {
      count.setString(1, address(username));
      try (ResultSet result = count.executeQuery()) {
        result.next();
        return result.getInt(1);
      }
    }
  }

  private static String address(String username) {
    return (username + "@crossroads.example").toLowerCase(Locale.ROOT);
  }

  /** The text a person reads: the message itself, or its plain-text part. */
  static String text(MimeMessage message) throws Exception {
    if (message.getContent() instanceof String plain) {
      return plain;
    }
    MimeMultipart parts = (MimeMultipart) message.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.getContentType().toLowerCase().startsWith("text/plain")) {
        return new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no text in " + message.getSubject());
  }

  /** The iCalendar part of a message, parsed. */
  static Calendar calendarOf(MimeMessage message) throws Exception {
    MimeMultipart parts = (MimeMultipart) message.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.getContentType().toLowerCase().startsWith("text/calendar")) {
        return new CalendarBuilder()
            .build(
                new StringReader(
                    new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));
      }
    }
    throw new AssertionError("no calendar part in " + message.getSubject());
  }

  /** A property of the calendar (METHOD) or of its event (everything else). */
  static String property(Calendar calendar, String name) {
    if (name.equals(Property.METHOD)) {
      return calendar.getProperty(name).orElseThrow().getValue();
    }
    VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
    return event.getProperty(name).orElseThrow().getValue();
  }
}
