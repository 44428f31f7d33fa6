package io.crossroads.platform.metrics;

import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * Every business metric the application registers on {@code /metrics} (application scope), with the
 * names Prometheus sees. Dashboards and alerts use only these.
 */
public enum BusinessMetric {
  REQUESTS_SENT(
      "crossroads.requests.sent", Kind.COUNTER, MetricUnits.NONE, "Requests sent to leaders"),
  REQUESTS_ANSWERED(
      "crossroads.requests.answered",
      Kind.COUNTER,
      MetricUnits.NONE,
      "Requests a leader answered, by answer (accepted, counter_proposed, redirected, declined)"),
  INTERVIEWS_HELD(
      "crossroads.interviews.held", Kind.COUNTER, MetricUnits.NONE, "Interviews recorded as held"),
  OUTBOX_BACKLOG(
      "crossroads.outbox.backlog",
      Kind.GAUGE,
      MetricUnits.NONE,
      "Messages in the outbox not sent yet"),
  OUTBOX_OLDEST_AGE(
      "crossroads.outbox.oldest.age",
      Kind.GAUGE,
      MetricUnits.SECONDS,
      "Age of the oldest message not sent yet (0 when none)"),
  JOB_DURATION(
      "crossroads.job.duration",
      Kind.TIMER,
      MetricUnits.SECONDS,
      "Time a scheduled job's run took on the instance that claimed it, by job"),
  JOB_FAILURES(
      "crossroads.job.failures",
      Kind.COUNTER,
      MetricUnits.NONE,
      "Scheduled job runs that failed on the instance that claimed them, by job"),
  PROBLEMS(
      "crossroads.problems",
      Kind.COUNTER,
      MetricUnits.NONE,
      "Problem responses (refusals and errors), by problem type");

  /** What kind of metric it is. */
  public enum Kind {
    COUNTER,
    GAUGE,
    TIMER
  }

  /** The tags metrics are broken down by. */
  public static final String ANSWER = "answer";

  public static final String JOB = "job";
  public static final String TYPE = "type";

  private final String name;
  private final Kind type;
  private final String unit;
  private final String description;

  BusinessMetric(String name, Kind type, String unit, String description) {
    this.name = name;
    this.type = type;
    this.unit = unit;
    this.description = description;
  }

  public String metricName() {
    return name;
  }

  public Kind type() {
    return type;
  }

  public String unit() {
    return unit;
  }

  public String description() {
    return description;
  }

  /**
   * The series names in the OpenMetrics text of {@code /metrics}, as MicroProfile Metrics 5 writes
   * them: dots become underscores, counters end in {@code _total}, a gauge carries its unit, a
   * timer is in seconds with its count, sum and maximum.
   */
  public List<String> series() {
    String base = name.replaceAll("[^a-zA-Z0-9_]+", "_").toLowerCase(Locale.ROOT);
    return switch (type) {
      case COUNTER -> List.of(base + "_total");
      case GAUGE -> List.of(MetricUnits.NONE.equals(unit) ? base : base + "_" + unit);
      case TIMER ->
          List.of(
              base + "_seconds",
              base + "_seconds_count",
              base + "_seconds_sum",
              base + "_seconds_max");
    };
  }
}
