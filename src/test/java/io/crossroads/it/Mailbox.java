package io.crossroads.it;

import static org.awaitility.Awaitility.await;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    String address = username + "@crossroads.example";
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
