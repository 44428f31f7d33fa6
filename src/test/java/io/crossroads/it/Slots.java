package io.crossroads.it;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Future start times that no other test of the run uses, an hour apart. */
public final class Slots {

  private static final Instant BASE = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(10));
  private static final AtomicInteger NEXT = new AtomicInteger();

  private Slots() {}

  public static Instant next() {
    return BASE.plus(Duration.ofHours(NEXT.getAndIncrement()));
  }
}
