package io.crossroads.platform.security;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;

/**
 * Marks an operation whose attempts are limited per person, each operation counted on its own; see
 * {@link RateLimitFilter}. The kind names the limit, read from {@code crossroads.rate.<kind>.limit}
 * and {@code crossroads.rate.<kind>.window}.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RateLimited {

  Kind value() default Kind.MAIL;

  /** The limits, with their defaults. */
  enum Kind {
    /** Sending an interview request. */
    REQUESTS("requests", 30, Duration.ofHours(1)),
    /** Any other write that mails someone. */
    MAIL("mail", 60, Duration.ofHours(1)),
    /** Moving an interview, which sends both parties a calendar update. */
    RESCHEDULE("reschedule", 10, Duration.ofDays(1));

    private final String key;
    private final int limit;
    private final Duration window;

    Kind(String key, int limit, Duration window) {
      this.key = key;
      this.limit = limit;
      this.window = window;
    }

    public String limitProperty() {
      return "crossroads.rate." + key + ".limit";
    }

    public String windowProperty() {
      return "crossroads.rate." + key + ".window";
    }

    public int defaultLimit() {
      return limit;
    }

    public Duration defaultWindow() {
      return window;
    }
  }
}
