package io.crossroads.it;

import static io.crossroads.it.Api.json;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** JSON bodies the tests send: a request, a leader's hours, a leader's profile. */
final class RequestBodies {

  private RequestBodies() {}

  /** An interview request of 20 minutes by video, proposing these slots. */
  static String body(String leaderId, List<Instant> slots, String learn) {
    return json(
        "leaderId",
        leaderId,
        "length",
        20,
        "format",
        "VIDEO",
        "intro",
        "I work in Finance on the planning team.",
        "learn",
        learn,
        "whyYou",
        "Your talk on internal platforms at the all-hands",
        "proposedSlots",
        slots.stream().map(Instant::toString).toList());
  }

  static String body(String leaderId, List<Instant> slots) {
    return body(leaderId, slots, "How platform teams choose what to build and how they measure it");
  }

  /** Availability on weekdays from nine to five in New York, a day's notice. */
  static String standardHours(int horizonDays) {
    return weekdayHours("09:00", "17:00", horizonDays);
  }

  /** The same hours every weekday in New York, no buffers, a day's notice. */
  static String weekdayHours(String start, String end, int horizonDays) {
    return json(
        "timeZone",
        "America/New_York",
        "weekly",
        List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY").stream()
            .map(d -> Map.of("day", d, "start", start, "end", end))
            .toList(),
        "overrides",
        List.of(),
        "bufferBefore",
        0,
        "bufferAfter",
        0,
        "minNoticeHours",
        24,
        "horizonDays",
        horizonDays);
  }

  /** A leader profile on one topic, every length and format, with this cap. */
  static String profile(String topic, int cap, boolean accepting) {
    return json(
        "acceptingRequests",
        accepting,
        "topics",
        List.of(topic),
        "bio",
        "",
        "monthlyCap",
        cap,
        "lengths",
        List.of(15, 20, 30),
        "formats",
        List.of("VIDEO", "PHONE", "IN_PERSON"));
  }

  /** A leader profile by video or in person. */
  static String profile(boolean accepting, int cap, List<Integer> lengths) {
    return json(
        "acceptingRequests",
        accepting,
        "topics",
        List.of("Architecture", "mentoring"),
        "bio",
        "Ask me about platforms",
        "monthlyCap",
        cap,
        "lengths",
        lengths,
        "formats",
        List.of("VIDEO", "IN_PERSON"));
  }

  /**
   * The program's rules as DESIGN.md has them, but for the two limits on employees, changed from
   * {@code version}.
   */
  static String program(long version, int maxOpenRequests, int maxRequestsPerMonth) {
    return json(
        "version",
        version,
        "lengths",
        List.of(15, 20, 30),
        "defaultLength",
        20,
        "defaultMonthlyCap",
        4,
        "maxOpenRequests",
        maxOpenRequests,
        "maxRequestsPerMonth",
        maxRequestsPerMonth,
        "maxFollowUps",
        2,
        "followUpBusinessDays",
        5,
        "expiryBusinessDays",
        5,
        "maxLevelGap",
        3,
        "repeatWindowMonths",
        6,
        "keepInTouchDays",
        30,
        "holidays",
        List.of());
  }
}
