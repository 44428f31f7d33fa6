package io.crossroads.notify;

import jakarta.activation.DataHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** Sends outbox messages over SMTP with Jakarta Mail, each with its stable Message-ID. */
@ApplicationScoped
class MailSender {

  @Inject MailSettings settings;

  /**
   * Sends the messages over one connection, one after the other, telling {@code receipts} about
   * each as soon as the server has answered for it. Stops before the next message once {@code
   * receipts} says no more; throws if no connection can be made.
   */
  public void send(List<OutboxMessage> messages, Instant now, Receipts receipts)
      throws MessagingException {
    Session session = Session.getInstance(settings.properties());
    try (Transport transport = session.getTransport()) {
      if (settings.user().isPresent()) {
        transport.connect(settings.user().get(), settings.password().orElse(""));
      } else {
        transport.connect();
      }
      for (OutboxMessage message : messages) {
        if (!receipts.mayGoOn()) {
          return;
        }
        try {
          MimeMessage mime = mime(session, message, now);
          transport.sendMessage(mime, mime.getAllRecipients());
        } catch (MessagingException e) {
          receipts.failed(message, e.getMessage());
          continue;
        }
        receipts.sent(message);
      }
    }
  }

  /** What becomes of each message, told as it happens. */
  public interface Receipts {

    /** Whether to send the next message. */
    boolean mayGoOn();

    /** The SMTP server took the message. */
    void sent(OutboxMessage message);

    /** The SMTP server refused the message, or the connection broke while sending it. */
    void failed(OutboxMessage message, String reason);
  }

  MimeMessage mime(Session session, OutboxMessage message, Instant now) throws MessagingException {
    String messageId = "<" + message.id() + "@crossroads>";
    MimeMessage mime =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader(
                "Message-ID", messageId); // the same on every retry: receivers drop duplicates
          }
        };
    mime.setFrom(new InternetAddress(settings.from()));
    mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.recipientEmail()));
    mime.setSubject(message.subject(), "UTF-8");
    mime.setSentDate(Date.from(now));
    Optional<OutboxMessage.Attachment> attachment = message.attachment();
    if (attachment.isEmpty() && message.calendar() == null) {
      mime.setText(message.body(), "UTF-8");
    } else if (attachment.isEmpty()) {
      mime.setContent(alternative(message));
    } else {
      MimeBodyPart content = new MimeBodyPart();
      if (message.calendar() == null) {
        content.setText(message.body(), "UTF-8");
      } else {
        content.setContent(alternative(message));
      }
      MimeMultipart mixed = new MimeMultipart("mixed");
      mixed.addBodyPart(content);
      mixed.addBodyPart(file(attachment.get()));
      mime.setContent(mixed);
    }
    mime.saveChanges();
    return mime;
  }

  /** The text with its calendar, for clients that show one or the other. */
  private static MimeMultipart alternative(OutboxMessage message) throws MessagingException {
    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(message.body(), "UTF-8");
    alternative.addBodyPart(text);
    MimeBodyPart calendar = new MimeBodyPart();
    calendar.setContent(
        message.calendar(), "text/calendar; charset=UTF-8; method=" + message.calendarMethod());
    calendar.setHeader("Content-Class", "urn:content-classes:calendarmessage");
    alternative.addBodyPart(calendar);
    return alternative;
  }

  private static MimeBodyPart file(OutboxMessage.Attachment attachment) throws MessagingException {
    MimeBodyPart file = new MimeBodyPart();
    file.setDataHandler(
        new DataHandler(new ByteArrayDataSource(attachment.bytes(), attachment.mediaType())));
    file.setFileName(attachment.name());
    file.setDisposition(Part.ATTACHMENT);
    return file;
  }
}
