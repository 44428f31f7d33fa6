package io.crossroads.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/** The one clock of the application: code asks it for "now", so tests can move time. */
@ApplicationScoped
class ClockProducer {

  @Produces
  @Singleton
  Clock clock() {
    // Microseconds, as PostgreSQL stores them: an instant reads back as it was written.
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }
}
