package io.crossroads.platform.api;

import io.crossroads.platform.problem.Refusal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Query parameters the API reads the same way everywhere, refused by name when malformed. */
public final class QueryParams {

  private QueryParams() {}

  /** An optional ISO-8601 instant; blank means absent. */
  public static Optional<Instant> instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(value));
    } catch (DateTimeParseException e) {
      throw Refusal.invalid(name, "an ISO-8601 instant such as 2026-03-09T14:00:00Z");
    }
  }
}
