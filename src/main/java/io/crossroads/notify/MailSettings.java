package io.crossroads.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The SMTP server, from the {@code crossroads.mail.*} keys. Without a host, mail stays queued. */
@ApplicationScoped
class MailSettings {

  @Inject
  @ConfigProperty(name = "crossroads.mail.host")
  Optional<String> host;

  @Inject
  @ConfigProperty(name = "crossroads.mail.port", defaultValue = "25")
  int port;

  @Inject
  @ConfigProperty(name = "crossroads.mail.from", defaultValue = "crossroads@localhost")
  String from;

  @Inject
  @ConfigProperty(name = "crossroads.mail.user")
  Optional<String> user;

  @Inject
  @ConfigProperty(name = "crossroads.mail.password")
  Optional<String> password;

  @Inject
  @ConfigProperty(name = "crossroads.mail.starttls", defaultValue = "false")
  boolean starttls;

  @Inject
  @ConfigProperty(name = "crossroads.mail.lease", defaultValue = "PT2M")
  Duration lease;

  public boolean configured() {
    return host.filter(h -> !h.isBlank()).isPresent();
  }

  /**
   * How long a batch of messages claimed for sending belongs to the instance that claimed it; an
   * instance that dies leaves its unsent messages to the others after this long.
   */
  public Duration lease() {
    return lease;
  }

  public String from() {
    return from;
  }

  public Optional<String> user() {
    return user.filter(u -> !u.isBlank());
  }

  public Optional<String> password() {
    return password;
  }

  Properties properties() {
    Properties properties = new Properties();
    properties.put("mail.transport.protocol", "smtp");
    properties.put("mail.smtp.host", host.orElse("localhost"));
    properties.put("mail.smtp.port", Integer.toString(port));
    properties.put("mail.smtp.auth", Boolean.toString(user().isPresent()));
    properties.put("mail.smtp.starttls.enable", Boolean.toString(starttls));
    properties.put("mail.smtp.starttls.required", Boolean.toString(starttls));
    properties.put("mail.smtp.connectiontimeout", "5000");
    properties.put("mail.smtp.timeout", "10000");
    properties.put("mail.smtp.writetimeout", "10000");
    return properties;
  }
}
