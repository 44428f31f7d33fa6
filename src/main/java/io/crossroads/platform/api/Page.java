package io.crossroads.platform.api;

import io.crossroads.platform.problem.Refusal;
import java.util.List;

/** One page of a list: {@code {items, total}}. */
public record Page<T>(List<T> items, long total) {

  public static final int MAX_LIMIT = 500;

  /** Checks {@code ?limit=&offset=}. */
  public static void checkBounds(int limit, int offset) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw Refusal.invalid("limit", "must be 1 to " + MAX_LIMIT);
    }
    if (offset < 0) {
      throw Refusal.invalid("offset", "must be 0 or more");
    }
  }
}
