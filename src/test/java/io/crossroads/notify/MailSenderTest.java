package io.crossroads.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MailSenderTest {

  static final Instant NOW = Instant.parse("2026-11-02T07:00:00Z");
  static final byte[] PDF = "%PDF-1.7 not really".getBytes(StandardCharsets.US_ASCII);

  final Session session = Session.getInstance(new Properties());
  final MailSender sender = new MailSender();

  MailSenderTest() {
    sender.settings = new MailSettings();
    sender.settings.from = "crossroads@example.com";
  }

  OutboxMessage message() {
    return new OutboxMessage(
        "monthly-report",
        UUID.randomUUID(),
        "hana@example.com",
        "Crossroads monthly report, 2026-10",
        "Hello Hana,\n\nThe report is attached.\n",
        null,
        "monthly-report:2026-10:hana",
        NOW);
  }

  /** The message as a receiver reads it: written out and parsed again. */
  MimeMessage received(OutboxMessage message) throws Exception {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    sender.mime(session, message, NOW).writeTo(wire);
    return new MimeMessage(session, new ByteArrayInputStream(wire.toByteArray()));
  }

  @Test
  void aMessageWithAFileCarriesTheTextAndTheFileAsItsTwoParts() throws Exception {
    OutboxMessage message =
        message()
            .attach(new OutboxMessage.Attachment("crossroads-2026-10.pdf", "application/pdf", PDF));

    MimeMessage mime = received(message);

    assertThat(mime.getContentType()).startsWith("multipart/mixed");
    MimeMultipart parts = (MimeMultipart) mime.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat(parts.getBodyPart(0).getContent())
        .isEqualTo("Hello Hana,\n\nThe report is attached.\n");
    Part file = parts.getBodyPart(1);
    assertThat(file.getContentType()).startsWith("application/pdf");
    assertThat(file.getDisposition()).isEqualTo(Part.ATTACHMENT);
    assertThat(file.getFileName()).isEqualTo("crossroads-2026-10.pdf");
    assertThat(file.getInputStream().readAllBytes()).isEqualTo(PDF);
    assertThat(mime.getMessageID()).isEqualTo("<" + message.id() + "@crossroads>");
  }

  @Test
  void aMessageWithoutAFileStaysPlainText() throws Exception {
    MimeMessage mime = received(message());

    assertThat(mime.getContentType()).startsWith("text/plain");
    assertThat(mime.getContent()).isEqualTo("Hello Hana,\n\nThe report is attached.\n");
  }

  @Test
  void aCalendarAndAFileTravelTogether() throws Exception {
    OutboxMessage message =
        new OutboxMessage(
                "interview-scheduled",
                UUID.randomUUID(),
                "ava@example.com",
                "Subject",
                "Body",
                new OutboxMessage.Invite("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "REQUEST"),
                null,
                NOW)
            .attach(new OutboxMessage.Attachment("agenda.pdf", "application/pdf", PDF));

    MimeMultipart parts = (MimeMultipart) received(message).getContent();

    assertThat(parts.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
    MimeMultipart alternative = (MimeMultipart) parts.getBodyPart(0).getContent();
    assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/calendar");
    assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("agenda.pdf");
  }

  @Test
  void aMessageTakesOneFileWithAPlainName() {
    OutboxMessage message =
        message().attach(new OutboxMessage.Attachment("a.pdf", "application/pdf", PDF));

    assertThatThrownBy(
            () -> message.attach(new OutboxMessage.Attachment("b.pdf", "application/pdf", PDF)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new OutboxMessage.Attachment("../a.pdf", "application/pdf", PDF))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(message.attachment().orElseThrow().bytes()).isEqualTo(PDF);
  }
}
