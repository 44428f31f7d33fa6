package io.crossroads.reporting;

import jakarta.json.bind.annotation.JsonbTransient;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the reports answer (docs/METRICS.md defines every figure). */
public final class ReportViews {

  private ReportViews() {}

  /**
   * One reported number: {@code {"value": 12}}, {@code {"suppressed": true}} when fewer than 5
   * people are behind it (or it would reveal a suppressed one), or {@code {}} when there is nothing
   * to divide by.
   */
  public record Figure(BigDecimal value, Boolean suppressed) {

    public static final Figure SUPPRESSED = new Figure(null, true);
    public static final Figure NONE = new Figure(null, null);

    public static Figure count(long value) {
      return new Figure(BigDecimal.valueOf(value), null);
    }

    /** A fraction rounded to 4 decimals; none when the denominator is 0. */
    public static Figure rate(long numerator, long denominator) {
      if (denominator == 0) {
        return NONE;
      }
      return new Figure(
          plain(
              BigDecimal.valueOf(numerator)
                  .divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_EVEN)),
          null);
    }

    public static Figure decimal(double value, int scale) {
      return new Figure(
          plain(BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_EVEN)), null);
    }

    /** Without trailing zeros, never in exponent form: 0.25, 2, 10. */
    static BigDecimal plain(BigDecimal value) {
      BigDecimal stripped = value.stripTrailingZeros();
      return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    @JsonbTransient
    public boolean isSuppressed() {
      return Boolean.TRUE.equals(suppressed);
    }
  }

  public record DivisionRef(UUID id, String name) {}

  /** The filters a report was computed for, as understood. */
  public record Period(LocalDate from, LocalDate to) {}

  // Pipeline

  public record Stage(String stage, Figure count) {}

  public record Rates(Figure acceptance, Figure expiry, Figure noShow, Figure thankYouWithin48h) {}

  public record DepthCount(String depth, Figure count) {}

  public record PipelineReport(
      LocalDate from,
      LocalDate to,
      UUID divisionId,
      boolean allSuppressed,
      List<Stage> funnel,
      Rates rates,
      Figure medianHoursToFirstAnswer,
      Figure referralsGiven,
      Figure referralsPerHeldInterview,
      List<DepthCount> chainDepth,
      Figure keepInTouchAdherence) {}

  // Flows

  public record FlowRow(DivisionRef division, List<Figure> cells, Figure total) {}

  public record FlowsReport(
      LocalDate from,
      LocalDate to,
      List<DivisionRef> divisions,
      List<FlowRow> rows,
      List<Figure> columnTotals,
      Figure total) {}

  // Leaders

  public record LoadBucket(String bucket, Figure leaders) {}

  public record LorenzPoint(BigDecimal leaderShare, BigDecimal interviewShare) {}

  public record LeadersReport(
      LocalDate from,
      LocalDate to,
      UUID divisionId,
      boolean allSuppressed,
      Figure eligibleLeaders,
      Figure acceptingLeaders,
      Figure participation,
      Figure heldLeaders,
      Figure heldShare,
      List<LoadBucket> load,
      List<LorenzPoint> lorenz,
      Figure gini,
      Figure requestsAtCap) {}

  // Mobility

  /** One group's proportion with its 95 % Wilson interval. */
  public record Proportion(Figure people, Figure count, Figure rate, Figure low, Figure high) {}

  public record Comparison(
      boolean observable, Proportion participants, Proportion nonParticipants) {}

  public record MobilityReport(
      LocalDate from,
      LocalDate to,
      int months,
      Comparison moves,
      Figure movesIntoInterviewedDivision,
      Comparison retention12Months) {}

  // Talent pool

  public record PersonLine(UUID id, String displayName, String title, DivisionRef division) {}

  public record Flag(PersonLine by, LocalDate on, List<String> strengths) {}

  public record TalentEntry(PersonLine employee, List<Flag> flags) {}

  /**
   * One page of the pool, employees by name ({@code ?limit=&offset=}); {@code total} employees in
   * the pool under the filters.
   */
  public record TalentPoolReport(
      String topic,
      UUID divisionId,
      boolean allSuppressed,
      List<TalentEntry> employees,
      long total) {}

  // Audit

  public record AuditEntry(
      UUID id,
      Instant at,
      PersonLine reader,
      String report,
      String filters,
      String format,
      boolean talentPool) {}
}
