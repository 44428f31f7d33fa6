package io.crossroads.matching;

import java.util.Locale;

/** Topics are compared by their trimmed, lower-case, single-spaced form. */
final class Topics {

  public static final int MAX_LENGTH = 80;

  private Topics() {}

  public static String normalise(String topic) {
    return topic.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
