package io.crossroads.reporting;

import static io.crossroads.reporting.ReportSql.EMPLOYED_IN_PERIOD;
import static io.crossroads.reporting.ReportSql.num;
import static io.crossroads.reporting.ReportSql.whole;
import static io.crossroads.reporting.ReportSql.wholeSums;

import io.crossroads.people.DivisionsAtTheTime;
import io.crossroads.people.ManagementChain;
import io.crossroads.platform.persistence.Columns;
import io.crossroads.reporting.ReportViews.Comparison;
import io.crossroads.reporting.ReportViews.DepthCount;
import io.crossroads.reporting.ReportViews.DivisionRef;
import io.crossroads.reporting.ReportViews.Figure;
import io.crossroads.reporting.ReportViews.Flag;
import io.crossroads.reporting.ReportViews.FlowRow;
import io.crossroads.reporting.ReportViews.FlowsReport;
import io.crossroads.reporting.ReportViews.LeadersReport;
import io.crossroads.reporting.ReportViews.LoadBucket;
import io.crossroads.reporting.ReportViews.LorenzPoint;
import io.crossroads.reporting.ReportViews.MobilityReport;
import io.crossroads.reporting.ReportViews.PersonLine;
import io.crossroads.reporting.ReportViews.PipelineReport;
import io.crossroads.reporting.ReportViews.Proportion;
import io.crossroads.reporting.ReportViews.Rates;
import io.crossroads.reporting.ReportViews.Stage;
import io.crossroads.reporting.ReportViews.TalentEntry;
import io.crossroads.reporting.ReportViews.TalentPoolReport;
import io.crossroads.reporting.Suppression.Entry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * HR's reports (docs/METRICS.md), aggregated in the database: each report is a few grouped queries;
 * Java only applies suppression and the arithmetic of rates.
 */
@ApplicationScoped
public class Reports {

  private static final Logger LOG = Logger.getLogger(Reports.class.getName());

  static final List<String> STAGES =
      List.of(
          "SENT",
          "ANSWERED",
          "ACCEPTED",
          "HELD",
          "THANKED",
          "REFERRAL_GIVEN",
          "REFERRAL_FOLLOWED",
          "REFERRAL_HELD");

  static final List<String> LOAD_BUCKETS = List.of("0", "1", "2", "3-4", "5-9", "10+");

  private static final int LORENZ_MINIMUM = 50;

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /**
   * The divisions whose base population in the period is too small to report on (docs/METRICS.md,
   * "Small filters"): fewer than 5 people employed and in the division on a day of the period.
   */
  private static Set<UUID> tooSmall(ReportSql sql, ReportFilter filter, List<DivisionRef> divisions)
      throws SQLException {
    String moved = "exists (select 1 from internal_move mv where mv.person_id = p.id)";
    // Who never moved was in one division, today's, all along. Most divisions have five such
    // people, and then who moved need not be counted at all.
    Map<UUID, Long> stayed = new HashMap<>();
    for (Object[] row :
        sql.period(filter)
            .rows(
                "select p.division_id, count(*) from person p where "
                    + EMPLOYED_IN_PERIOD
                    + " and not "
                    + moved
                    + " group by p.division_id")) {
      stayed.put(ReportSql.uuid(row[0]), num(row[1]));
    }
    if (divisions.stream()
        .allMatch(d -> stayed.getOrDefault(d.id(), 0L) >= Suppression.MINIMUM_PEOPLE)) {
      return Set.of();
    }
    // Who moved is counted through their spans, once per division.
    Map<UUID, Long> people = new HashMap<>(stayed);
    for (Object[] row :
        sql.period(filter)
            .rows(
                "with "
                    + DivisionsAtTheTime.spansOfMovers(EMPLOYED_IN_PERIOD)
                    + " select s.division_id, count(distinct s.person_id) from span s"
                    + " where s.valid_from <= :to and s.valid_to > :from"
                    + " group by s.division_id")) {
      people.merge(ReportSql.uuid(row[0]), num(row[1]), Long::sum);
    }
    Set<UUID> small = new HashSet<>();
    for (DivisionRef division : divisions) {
      if (people.getOrDefault(division.id(), 0L) < Suppression.MINIMUM_PEOPLE) {
        small.add(division.id());
      }
    }
    return small;
  }

  /**
   * Whether a report asked for one division withholds everything: the division is too small to
   * report on, or there is no such division.
   */
  private static boolean withheld(UUID asked, Set<UUID> small, List<DivisionRef> divisions) {
    return asked != null
        && (small.contains(asked) || divisions.stream().noneMatch(d -> d.id().equals(asked)));
  }

  /**
   * One figure for every division and the company, decided together (docs/METRICS.md,
   * "Suppression"): the divisions' figures add up to the company's, so a division's may only be
   * hidden alongside another's.
   */
  private record Across(List<DivisionRef> divisions, Set<UUID> tooSmall) {

    /** Whether the figure is hidden for the division asked about (null: the company). */
    boolean hidden(Map<UUID, Entry> byDivision, Entry company, UUID asked) {
      Entry[] parts = new Entry[divisions.size()];
      boolean[] small = new boolean[parts.length];
      int at = parts.length;
      for (int i = 0; i < parts.length; i++) {
        UUID id = divisions.get(i).id();
        parts[i] = byDivision.getOrDefault(id, ZERO);
        small[i] = tooSmall.contains(id);
        if (id.equals(asked)) {
          at = i;
        }
      }
      return Suppression.across(parts, company, small)[at];
    }
  }

  private static final Entry ZERO = new Entry(0, 0);

  // Pipeline

  @Transactional
  public PipelineReport pipeline(ReportFilter filter) {
    return work(sql -> pipeline(sql, filter));
  }

  /** A division's (or the company's) pipeline before suppression. */
  private record PipelineCounts(
      Entry sent,
      Entry answered,
      Entry accepted,
      Entry held,
      Entry thanked,
      Entry expired,
      Entry noShow,
      long heldOrNoShowPeople,
      Entry onTime,
      Entry referralsGiven,
      Entry referralGiven,
      Entry followed,
      Entry referralHeld,
      Entry[] depths) {

    Entry[] stages() {
      return new Entry[] {
        sent, answered, accepted, held, thanked, referralGiven, followed, referralHeld
      };
    }
  }

  PipelineReport pipeline(ReportSql sql, ReportFilter filter) throws SQLException {
    requireWholeMonths(filter);
    List<DivisionRef> divisions = divisions(sql);
    UUID asked = filter.divisionId();
    Set<UUID> small = tooSmall(sql, filter, divisions);
    if (withheld(asked, small, divisions)) {
      return new PipelineReport(
          filter.from(),
          filter.to(),
          asked,
          true,
          STAGES.stream().map(stage -> new Stage(stage, Figure.SUPPRESSED)).toList(),
          new Rates(Figure.SUPPRESSED, Figure.SUPPRESSED, Figure.SUPPRESSED, Figure.SUPPRESSED),
          Figure.SUPPRESSED,
          Figure.SUPPRESSED,
          Figure.SUPPRESSED,
          List.of(
              new DepthCount("1", Figure.SUPPRESSED),
              new DepthCount("2", Figure.SUPPRESSED),
              new DepthCount("3+", Figure.SUPPRESSED)),
          Figure.SUPPRESSED);
    }
    // Every division's figures and the company's, each division by where its employees were on
    // the day they sent: a division's figures are suppressed together with the others'. Added up
    // from the divisions' months with the people behind each figure as bits (a lower bound);
    // where 1 to 4 bits are set, the people are counted exactly, per employee.
    int figures = PipelineMonthCounts.FIGURES.size();
    int bitColumns = PipelineDivisionMonths.BIT_COLUMNS.size();
    Map<UUID, long[]> fastRows = new HashMap<>();
    long[] fastCompany = new long[figures + bitColumns];
    Object median = null;
    boolean exact = false;
    for (Object[] row :
        sql.period(filter)
            .bind("firstMonth", YearMonth.from(filter.from()))
            .bind("lastMonth", YearMonth.from(filter.to()))
            .rows(
                // In this one statement, so a batch folded meanwhile is read once.
                "with facts as ("
                    + PipelineDivisionMonths.facts(sql, PipelineMonthCounts.uncounted())
                    + "), g as (select division_id as d, "
                    + PipelineMonthCounts.FIGURES.stream()
                        .map(f -> "sum(" + f + ") as " + f)
                        .collect(Collectors.joining(", "))
                    + ", "
                    + PipelineDivisionMonths.BIT_COLUMNS.stream()
                        .map(b -> "bit_or(" + b + ") as " + b)
                        .collect(Collectors.joining(", "))
                    + " from facts group by division_id)"
                    + " select g.*, "
                    // Only the median of the group asked about is shown: a division's computed
                    // once, in the statement (and so the snapshot) that decides whether it is
                    // hidden, from the period's answered requests; the company's below.
                    + (asked == null
                        ? "null"
                        : " (select "
                            + median(sql)
                            + " from "
                            + ANSWERED
                            + "  where division_id = cast(:division as uuid))")
                    + " from g")) {
      median = row[1 + figures + bitColumns];
      long[] values = new long[figures + bitColumns];
      for (int i = 0; i < values.length; i++) {
        values[i] = num(row[1 + i]);
        fastCompany[i] = i < figures ? fastCompany[i] + values[i] : fastCompany[i] | values[i];
        if (i >= figures) {
          exact |= Suppression.small(Long.bitCount(values[i]));
        }
      }
      if (row[0] != null) {
        fastRows.put(ReportSql.uuid(row[0]), values);
      }
    }
    for (int i = figures; i < fastCompany.length; i++) {
      exact |= Suppression.small(Long.bitCount(fastCompany[i]));
    }
    Map<UUID, Object[]> funnelRows = new HashMap<>();
    Object[] funnelCompany = null;
    if (exact) {
      for (Object[] row : exactPeople(sql)) {
        if (row[0] == null) {
          funnelCompany = row;
        } else {
          funnelRows.put(ReportSql.uuid(row[0]), row);
        }
      }
    }
    // Keeping in touch: the touches due and on time, with their people as bits, counted exactly
    // only where 1 to 4 bits are set.
    String contacts =
        " from contact ct where ct.met_at >= :start and ct.met_at < :end"
            + " and (cast(:division as uuid) is null or "
            + DivisionsAtTheTime.ofContact("ct")
            + " = cast(:division as uuid))";
    String bit = sql.personBit("ct.employee_id");
    Object[] k =
        sql.row(
            "select sum(ct.touches_on_time), sum(ct.touches_due),"
                + " bit_or(case when ct.touches_due > 0 then "
                + bit
                + " else 0 end), bit_or(case when ct.touches_on_time > 0 then "
                + bit
                + " else 0 end)"
                + contacts);
    long duePeople = Long.bitCount(num(k[2]));
    long onTimePeople = Long.bitCount(num(k[3]));
    if (Suppression.small(duePeople) || Suppression.small(onTimePeople)) {
      // The touches and their people read again together, so that they agree.
      k =
          sql.row(
              "select sum(ct.touches_on_time), sum(ct.touches_due),"
                  + " count(distinct case when ct.touches_due > 0 then ct.employee_id end),"
                  + " count(distinct case when ct.touches_on_time > 0 then ct.employee_id end)"
                  + contacts);
      duePeople = num(k[2]);
      onTimePeople = num(k[3]);
    }

    Map<UUID, PipelineCounts> byDivision = new HashMap<>();
    for (DivisionRef division : divisions) {
      byDivision.put(
          division.id(),
          counts(
              fastRows.getOrDefault(division.id(), new long[figures + bitColumns]),
              counts(funnelRows.get(division.id()))));
    }
    PipelineCounts read = counts(fastCompany, counts(funnelCompany));
    boolean agree = !exact || sameValues(byDivision, read, funnelRows, funnelCompany);
    if (!agree) {
      // A fact counted between the two readings: every figure and its people from the second,
      // which read them together, rather than a figure with another moment's people.
      LOG.warning(
          "The pipeline's counts changed between its two readings; answered from the second");
      for (DivisionRef division : divisions) {
        byDivision.put(division.id(), counts(funnelRows.get(division.id())));
      }
    }
    PipelineCounts company = agree ? read : counts(funnelCompany);
    PipelineCounts mine = asked == null ? company : byDivision.get(asked);
    Across across = new Across(divisions, small);
    java.util.function.Function<java.util.function.Function<PipelineCounts, Entry>, Boolean>
        hidden =
            figure -> {
              Map<UUID, Entry> parts = new HashMap<>();
              byDivision.forEach((id, counts) -> parts.put(id, figure.apply(counts)));
              return across.hidden(parts, figure.apply(company), asked);
            };

    Entry[] stages = mine.stages();
    boolean[] stageHidden = new boolean[stages.length];
    List<Stage> funnel = new ArrayList<>();
    for (int i = 0; i < stages.length; i++) {
      int stage = i;
      stageHidden[i] = hidden.apply(c -> c.stages()[stage]);
      funnel.add(new Stage(STAGES.get(i), shown(stages[i], stageHidden[i])));
    }
    boolean sentHidden = stageHidden[0];
    boolean answeredHidden = stageHidden[1];
    boolean acceptedHidden = stageHidden[2];
    boolean heldHidden = stageHidden[3];
    boolean expiredHidden = hidden.apply(PipelineCounts::expired);
    boolean noShowHidden = hidden.apply(PipelineCounts::noShow);
    boolean onTimeHidden = hidden.apply(PipelineCounts::onTime);

    // The names by depth: a table of the divisions (rows) by depth, with the names given as each
    // division's total and the company's depths as the column totals.
    int size = divisions.size();
    Entry[][] cells = new Entry[size][];
    Entry[] rowTotals = new Entry[size];
    boolean[] smallRows = new boolean[size];
    int row = size;
    for (int i = 0; i < size; i++) {
      PipelineCounts counts = byDivision.get(divisions.get(i).id());
      cells[i] = counts.depths();
      rowTotals[i] = counts.referralsGiven();
      smallRows[i] = small.contains(divisions.get(i).id());
      if (divisions.get(i).id().equals(asked)) {
        row = i;
      }
    }
    boolean[][] depthMask =
        Suppression.table(cells, rowTotals, company.depths(), company.referralsGiven(), smallRows);
    List<DepthCount> chain = new ArrayList<>();
    String[] depthNames = {"1", "2", "3+"};
    for (int i = 0; i < depthNames.length; i++) {
      chain.add(new DepthCount(depthNames[i], shown(mine.depths()[i], depthMask[row][i])));
    }
    boolean givenHidden = depthMask[row][depthNames.length];

    if (asked == null && !answeredHidden && mine.answered().value() > 0) {
      median = companyMedian(sql, mine.answered().value());
    }
    Figure medianHours =
        answeredHidden
            ? Figure.SUPPRESSED
            : median == null
                ? Figure.NONE
                : Figure.decimal(((Number) median).doubleValue() / 3600.0, 1);
    Figure adherence =
        Suppression.small(duePeople) || Suppression.small(onTimePeople)
            ? Figure.SUPPRESSED
            : Figure.rate(num(k[0]), num(k[1]));
    return new PipelineReport(
        filter.from(),
        filter.to(),
        asked,
        false,
        funnel,
        new Rates(
            rate(mine.accepted(), acceptedHidden, mine.sent(), sentHidden),
            rate(mine.expired(), expiredHidden, mine.sent(), sentHidden),
            noShowHidden || heldHidden || Suppression.small(mine.heldOrNoShowPeople())
                ? Figure.SUPPRESSED
                : Figure.rate(mine.noShow().value(), mine.held().value() + mine.noShow().value()),
            rate(mine.onTime(), onTimeHidden, mine.held(), heldHidden)),
        medianHours,
        shown(mine.referralsGiven(), givenHidden),
        // Suppressed with the count it would reveal, also when only its complement hid it.
        rate(mine.referralsGiven(), givenHidden, mine.held(), heldHidden),
        chain,
        adherence);
  }

  /**
   * Whether every figure of every division and of the company read from the divisions' months
   * equals the one counted per employee ({@code exactRows}, {@code exactCompany}).
   */
  private static boolean sameValues(
      Map<UUID, PipelineCounts> byDivision,
      PipelineCounts company,
      Map<UUID, Object[]> exactRows,
      Object[] exactCompany) {
    if (!values(company).equals(values(counts(exactCompany)))) {
      return false;
    }
    for (Map.Entry<UUID, PipelineCounts> division : byDivision.entrySet()) {
      if (!values(division.getValue()).equals(values(counts(exactRows.get(division.getKey()))))) {
        return false;
      }
    }
    return true;
  }

  /** A group's figures, without their people. */
  private static List<Long> values(PipelineCounts counts) {
    List<Long> values = new ArrayList<>();
    for (Entry entry : counts.stages()) {
      values.add(entry.value());
    }
    for (Entry entry :
        List.of(
            counts.expired(),
            counts.noShow(),
            counts.onTime(),
            counts.referralsGiven(),
            counts.referralGiven())) {
      values.add(entry.value());
    }
    for (Entry entry : counts.depths()) {
      values.add(entry.value());
    }
    return values;
  }

  /**
   * Every division's funnel and the company's (the division null), counted per employee: the
   * figures with their people exactly, in the columns {@link #counts(Object[])} reads. The period
   * as bound by {@link #pipeline(ReportSql, ReportFilter)}.
   */
  private static List<Object[]> exactPeople(ReportSql sql) throws SQLException {
    return sql.rows(
        // The period's employee-months as the job counted them (PipelineMonthCounts) and the
        // facts it has not counted yet. Per employee and division first, then over them: one
        // grouping instead of a sort per distinct count. An employee's figures are summed as
        // integers (ReportSql.whole).
        "with facts as ("
            + PipelineMonthCounts.facts()
            + ")"
            + ", per as (select requester_id, division_id, "
            + whole("sum(sent)", "n")
            + ", "
            + whole("sum(answered)", "answered")
            + ", "
            + whole("sum(expired)", "expired")
            + ", "
            + whole("sum(booked)", "met")
            + ", "
            + whole("sum(held)", "held")
            + ", "
            + whole("sum(thanked)", "thanked")
            + ", "
            + whole("sum(no_show)", "no_show")
            + ", "
            + whole("sum(on_time)", "on_time")
            + ", "
            + wholeSums(NAME_FIGURES)
            + "  from facts group by requester_id, division_id)"
            // The company: each employee once, whichever divisions they sent from.
            + ", per_all as (select requester_id, "
            + wholeSums("n", "answered", "expired", "met", "held", "thanked", "no_show", "on_time")
            + ", "
            + wholeSums(NAME_FIGURES)
            + "  from per group by requester_id)"
            + ", f as (select division_id as d, "
            + FUNNEL_FIGURES
            + " from per group by division_id"
            + "  union all select cast(null as uuid), "
            + FUNNEL_FIGURES
            + " from per_all)"
            + " select f.d, f.n, f.people, f.answered, f.answered_people, f.met,"
            + " f.met_people, f.held, f.held_people, f.thanked, f.thanked_people,"
            + " f.expired, f.expired_people, f.no_show, f.no_show_people,"
            + " f.held_or_no_show_people, f.on_time, f.on_time_people, "
            + REFERRAL_COLUMNS
            + " from f");
  }

  /**
   * A group's counts from its divisions' months ({@code row}: the figures, then the bits): each
   * figure's people from its bits where five or more are set (a lower bound) or none, else those of
   * {@code exact}.
   */
  private static PipelineCounts counts(long[] row, PipelineCounts exact) {
    java.util.function.BiFunction<String, Entry, Entry> entry =
        (figure, exactly) -> {
          int at = PipelineMonthCounts.FIGURES.indexOf(figure);
          return new Entry(row[at], people(row, figure, exactly.people()));
        };
    return new PipelineCounts(
        new Entry(
            row[PipelineMonthCounts.FIGURES.indexOf("sent")],
            people(row, "people", exact.sent().people())),
        entry.apply("answered", exact.answered()),
        entry.apply("booked", exact.accepted()),
        entry.apply("held", exact.held()),
        entry.apply("thanked", exact.thanked()),
        entry.apply("expired", exact.expired()),
        entry.apply("no_show", exact.noShow()),
        people(row, "held_or_no_show", exact.heldOrNoShowPeople()),
        entry.apply("on_time", exact.onTime()),
        entry.apply("names", exact.referralsGiven()),
        new Entry(
            row[PipelineMonthCounts.FIGURES.indexOf("named")],
            people(row, "names", exact.referralGiven().people())),
        entry.apply("followed", exact.followed()),
        entry.apply("names_held", exact.referralHeld()),
        new Entry[] {
          entry.apply("depth1", exact.depths()[0]),
          entry.apply("depth2", exact.depths()[1]),
          entry.apply("depth3", exact.depths()[2])
        });
  }

  /**
   * The people behind a group's figure ({@code bits}: a bit column's name without "_bits"): the
   * bits set where five or more are or none, else {@code exactly}.
   */
  private static long people(long[] row, String bits, long exactly) {
    long set =
        Long.bitCount(
            row[
                PipelineMonthCounts.FIGURES.size()
                    + PipelineDivisionMonths.BIT_COLUMNS.indexOf(bits + "_bits")]);
    return Suppression.small(set) ? exactly : set;
  }

  /** An eligible leader {@code e} in the division asked about, if one was. */
  private static final String IN_DIVISION =
      "(cast(:division as uuid) is null or e.division_id = cast(:division as uuid))";

  /** Per employee (and division), then over them: the funnel's figures of one group. */
  private static final String FUNNEL_FIGURES =
      "sum(n) as n, count(*) as people, sum(answered) as answered,"
          + " sum(case when answered > 0 then 1 else 0 end) as answered_people,"
          + " sum(expired) as expired,"
          + " sum(case when expired > 0 then 1 else 0 end) as expired_people,"
          + " sum(met) as met, sum(case when met > 0 then 1 else 0 end) as met_people,"
          + " sum(held) as held,"
          + " sum(case when held > 0 then 1 else 0 end) as held_people,"
          + " sum(thanked) as thanked,"
          + " sum(case when thanked > 0 then 1 else 0 end) as thanked_people,"
          + " sum(no_show) as no_show,"
          + " sum(case when no_show > 0 then 1 else 0 end) as no_show_people,"
          + " sum(case when held + no_show > 0 then 1 else 0 end) as held_or_no_show_people,"
          + " sum(on_time) as on_time,"
          + " sum(case when on_time > 0 then 1 else 0 end) as on_time_people,"
          + " sum(names) as names, sum(case when names > 0 then 1 else 0 end) as names_people,"
          + " sum(named) as named,"
          + " sum(followed) as followed,"
          + " sum(case when followed > 0 then 1 else 0 end) as followed_people,"
          + " sum(names_held) as names_held,"
          + " sum(case when names_held > 0 then 1 else 0 end) as names_held_people,"
          + " sum(depth1) as depth1, sum(case when depth1 > 0 then 1 else 0 end) as depth1_people,"
          + " sum(depth2) as depth2, sum(case when depth2 > 0 then 1 else 0 end) as depth2_people,"
          + " sum(depth3) as depth3, sum(case when depth3 > 0 then 1 else 0 end) as depth3_people";

  /** The names' figures of an employee (PipelineMonthCounts): given, by depth, followed, held. */
  private static final String[] NAME_FIGURES = {
    "names", "named", "followed", "names_held", "depth1", "depth2", "depth3"
  };

  /**
   * The names' figures of one group, in the order {@link #counts} reads them: the names given and
   * the people who gave them, the interviews that gave any, then each figure with its people.
   */
  private static final String REFERRAL_COLUMNS =
      "f.names, f.names_people, f.named, f.followed, f.followed_people, f.names_held,"
          + " f.names_held_people, f.depth1, f.depth1_people, f.depth2, f.depth2_people,"
          + " f.depth3, f.depth3_people";

  /** The cohort's answered requests, as a derived table. */
  private static final String ANSWERED =
      "(select "
          + DivisionsAtTheTime.ofRequest("r")
          + " as division_id, r.created_at, r.answered_at from interview_request r"
          + " where r.created_at >= :start and r.created_at < :end"
          + " and r.answered_at is not null) answered";

  /**
   * The median of the seconds from sending to the answer of the period's {@code answered} requests,
   * the whole company's: the middle one, or the mean of the middle two, read in the order of an
   * index on the seconds (PostgreSQL) instead of sorting them all.
   */
  private static Object companyMedian(ReportSql sql, long answered) throws SQLException {
    String seconds = sql.secondsBetween("r.created_at", "r.answered_at");
    return sql.row(
            "select avg(s) from (select "
                + seconds
                + " as s from interview_request r where r.answered_at is not null"
                + " and r.created_at >= :start and r.created_at < :end order by "
                + seconds
                + " offset "
                + (answered - 1) / 2
                + " rows fetch next "
                + (answered % 2 == 1 ? 1 : 2)
                + " rows only) m")[0];
  }

  /** The median of the seconds from sending to the answer, over {@link #ANSWERED}. */
  private static String median(ReportSql sql) {
    return "percentile_cont(0.5) within group (order by "
        + sql.secondsBetween("created_at", "answered_at")
        + ") as median";
  }

  /** One group's row (absent: nothing in the period) as entries. */
  private static PipelineCounts counts(Object[] row) {
    Object[] funnel = row == null ? new Object[32] : row;
    // The names' columns, numbered from 1 as the funnel's are.
    Object[] names = Arrays.copyOfRange(funnel, 17, 31);
    return new PipelineCounts(
        entry(funnel[1], funnel[2]),
        entry(funnel[3], funnel[4]),
        entry(funnel[5], funnel[6]),
        entry(funnel[7], funnel[8]),
        entry(funnel[9], funnel[10]),
        entry(funnel[11], funnel[12]),
        entry(funnel[13], funnel[14]),
        num(funnel[15]),
        entry(funnel[16], funnel[17]),
        entry(names[1], names[2]),
        entry(names[3], names[2]),
        entry(names[4], names[5]),
        entry(names[6], names[7]),
        new Entry[] {
          entry(names[8], names[9]), entry(names[10], names[11]), entry(names[12], names[13])
        });
  }

  // Flows

  @Transactional
  public FlowsReport flows(ReportFilter filter) {
    return work(sql -> flows(sql, filter));
  }

  FlowsReport flows(ReportSql sql, ReportFilter filter) throws SQLException {
    List<DivisionRef> divisions = divisions(sql);
    Map<UUID, Integer> index = new HashMap<>();
    for (int i = 0; i < divisions.size(); i++) {
      index.put(divisions.get(i).id(), i);
    }
    int size = divisions.size();
    // One grouping of the period's held interviews by the two divisions, each cell with its
    // employees' and its leaders' bits; the people themselves only of cells with fewer than five
    // bits set. A figure is backed by too few people when either side is: a division with one
    // leader would otherwise show that leader's interviews as its column.
    Headcounts employees = new Headcounts(size, size);
    Headcounts leaders = new Headcounts(size, size);
    for (Object[] row :
        sql.period(filter)
            .rows(
                "with held as (select i.employee_id, i.leader_id, "
                    + DivisionsAtTheTime.ofEmployee("i")
                    + " as ed, "
                    + DivisionsAtTheTime.ofLeader("i")
                    + " as ld from interview i"
                    + " where i.status = 'HELD' and i.start_at >= :start and i.start_at < :end)"
                    + ", cell as (select ed, ld, count(*) as n, bit_or("
                    + sql.personBit("employee_id")
                    + ") as b, bit_or("
                    + sql.personBit("leader_id")
                    + ") as lb from held group by ed, ld)"
                    + " select ed, ld, n, b, lb, null, null from cell"
                    + " union all select h.ed, h.ld, null, null, null, h.employee_id, 'E'"
                    + "  from held h join cell c on c.ed = h.ed and c.ld = h.ld"
                    + "  where "
                    + Headcounts.fewBits(sql, "c.b")
                    + "  group by h.ed, h.ld, h.employee_id"
                    + " union all select h.ed, h.ld, null, null, null, h.leader_id, 'L'"
                    + "  from held h join cell c on c.ed = h.ed and c.ld = h.ld"
                    + "  where "
                    + Headcounts.fewBits(sql, "c.lb")
                    + "  group by h.ed, h.ld, h.leader_id")) {
      int r = index.get(ReportSql.uuid(row[0]));
      int c = index.get(ReportSql.uuid(row[1]));
      if (row[5] == null) {
        employees.cell(r, c, num(row[2]), num(row[3]));
        leaders.cell(r, c, num(row[2]), num(row[4]));
      } else if ("E".equals(String.valueOf(row[6]))) {
        employees.person(r, c, ReportSql.uuid(row[5]));
      } else {
        leaders.person(r, c, ReportSql.uuid(row[5]));
      }
    }
    Entry[][] cells = new Entry[size][size];
    Entry[] rowTotals = new Entry[size];
    Entry[] columnTotals = new Entry[size];
    for (int r = 0; r < size; r++) {
      for (int c = 0; c < size; c++) {
        cells[r][c] = fewer(employees.cell(r, c), leaders.cell(r, c));
      }
      rowTotals[r] = fewer(employees.row(r), leaders.row(r));
    }
    for (int c = 0; c < size; c++) {
      columnTotals[c] = fewer(employees.column(c), leaders.column(c));
    }
    Entry total = fewer(employees.total(), leaders.total());
    boolean[][] mask = Suppression.table(cells, rowTotals, columnTotals, total);
    List<FlowRow> flowRows = new ArrayList<>();
    for (int r = 0; r < size; r++) {
      List<Figure> figures = new ArrayList<>();
      for (int c = 0; c < size; c++) {
        figures.add(shown(cells[r][c], mask[r][c]));
      }
      flowRows.add(new FlowRow(divisions.get(r), figures, shown(rowTotals[r], mask[r][size])));
    }
    List<Figure> columns = new ArrayList<>();
    for (int c = 0; c < size; c++) {
      columns.add(shown(columnTotals[c], mask[size][c]));
    }
    return new FlowsReport(
        filter.from(), filter.to(), divisions, flowRows, columns, shown(total, mask[size][size]));
  }

  /** One figure seen from both sides: backed by too few people when either side has too few. */
  private static Entry fewer(Entry employees, Entry leaders) {
    return new Entry(employees.value(), Math.min(employees.people(), leaders.people()));
  }

  // Leaders

  @Transactional
  public LeadersReport leaders(ReportFilter filter) {
    return work(sql -> leaders(sql, filter));
  }

  LeadersReport leaders(ReportSql sql, ReportFilter filter) throws SQLException {
    requireWholeMonths(filter);
    List<DivisionRef> divisions = divisions(sql);
    UUID asked = filter.divisionId();
    Set<UUID> small = tooSmall(sql, filter, divisions);
    if (withheld(asked, small, divisions)) {
      return new LeadersReport(
          filter.from(),
          filter.to(),
          asked,
          true,
          Figure.SUPPRESSED,
          Figure.SUPPRESSED,
          Figure.SUPPRESSED,
          Figure.SUPPRESSED,
          Figure.SUPPRESSED,
          LOAD_BUCKETS.stream().map(bucket -> new LoadBucket(bucket, Figure.SUPPRESSED)).toList(),
          List.of(),
          Figure.SUPPRESSED,
          Figure.SUPPRESSED);
    }
    // Every division's leaders (by their division on the period's last day) and the company's:
    // a division's counts are suppressed together with the others'.
    String eligible =
        "with eligible as (select p.id, "
            + DivisionsAtTheTime.ofPerson("p", ":to")
            + " as division_id from person p"
            + " join leader_profile lp on lp.person_id = p.id"
            + " where p.leader = true and "
            + EMPLOYED_IN_PERIOD
            + ")";
    Map<UUID, Object[]> rows = new HashMap<>();
    Object[] companyRow = null;
    for (Object[] row :
        sql.period(filter)
            .bind("firstMonth", YearMonth.from(filter.from()))
            .bind("lastMonth", YearMonth.from(filter.to()))
            .rows(
                eligible
                    // The period's requests, interviews accepted and interviews held by leader
                    // and month: the counts the job keeps (LeaderMonthCounts) and the rows it has
                    // not counted yet, in this one statement, so a batch folded meanwhile is read
                    // once. A leader's month is summed as integers (ReportSql.whole).
                    + ", received as (select c.leader_id, c.period, "
                    + whole("c.requests", "requests")
                    + ", "
                    + whole("c.accepted", "accepted")
                    + ", "
                    + whole("c.held", "held")
                    + "  from leader_month_request c"
                    + "  where c.period >= :firstMonth and c.period <= :lastMonth"
                    + uncounted(filter, LeaderMonthCounts.Kind.REQUESTS, "1, 0, 0")
                    + uncounted(filter, LeaderMonthCounts.Kind.ACCEPTED, "0, 1, 0")
                    + uncounted(filter, LeaderMonthCounts.Kind.HELD, "0, 0, 1")
                    + ")"
                    // The months in which the leader's bookings reached the cap.
                    + ", full_month as (select ml.leader_id, ml.period from leader_month_load ml"
                    + "  join leader_profile lp on lp.person_id = ml.leader_id"
                    + "  where ml.booked >= lp.monthly_cap"
                    + "  and ml.period >= :firstMonth and ml.period <= :lastMonth)"
                    + ", counts as (select q.leader_id, sum(q.requests) as requests,"
                    + "  sum(case when f.leader_id is null then 0 else q.requests end) as at_cap,"
                    + "  sum(q.accepted) as accepted, sum(q.held) as held"
                    + "  from received q left join full_month f"
                    + "  on f.leader_id = q.leader_id and f.period = q.period"
                    + "  group by q.leader_id)"
                    + ", per as (select e.id, e.division_id, coalesce(q.held, 0) as n,"
                    + "  case when q.accepted > 0 then 1 else 0 end as acc,"
                    + "  coalesce(q.requests, 0) as requests, coalesce(q.at_cap, 0) as at_cap"
                    + "  from eligible e left join counts q on q.leader_id = e.id)"
                    + ", ranked as (select division_id, n, acc, requests, at_cap,"
                    + "  row_number() over (partition by division_id order by n, id) as rk,"
                    + "  count(*) over (partition by division_id) as total,"
                    + "  row_number() over (order by n, id) as rk_all,"
                    + "  count(*) over () as total_all from per)"
                    + " select division_id, "
                    + LEADER_FIGURES.formatted("rk", "total")
                    + " from ranked group by division_id"
                    + " union all select cast(null as uuid), "
                    + LEADER_FIGURES.formatted("rk_all", "total_all")
                    + " from ranked")) {
      if (row[0] == null) {
        companyRow = row;
      } else {
        rows.put(ReportSql.uuid(row[0]), row);
      }
    }

    Object[] row = asked == null ? companyRow : rows.get(asked);
    row = row == null ? new Object[FIGURES] : row;
    long leaders = num(row[1]);
    long interviews = num(row[4]);
    Entry eligibleEntry = new Entry(leaders, leaders);
    Entry accepting = new Entry(num(row[2]), num(row[2]));
    Entry heldOne = new Entry(num(row[3]), num(row[3]));

    Across across = new Across(divisions, small);
    Map<UUID, Entry> acceptingParts = new HashMap<>();
    rows.forEach((id, r) -> acceptingParts.put(id, new Entry(num(r[2]), num(r[2]))));
    Object[] company = companyRow == null ? new Object[FIGURES] : companyRow;
    boolean acceptingHidden =
        across.hidden(acceptingParts, new Entry(num(company[2]), num(company[2])), asked);

    // The load, the leaders who held one and the eligible of every division and the company,
    // suppressed together (they add up along rows and over the divisions).
    int size = divisions.size();
    int buckets = LOAD_BUCKETS.size();
    Entry[][] bucketEntries = new Entry[size + 1][buckets];
    Entry[] heldEntries = new Entry[size + 1];
    Entry[] eligibleEntries = new Entry[size + 1];
    boolean[] smallRows = new boolean[size];
    int at = size;
    for (int i = 0; i <= size; i++) {
      Object[] r =
          i < size ? rows.getOrDefault(divisions.get(i).id(), new Object[FIGURES]) : company;
      for (int b = 0; b < buckets; b++) {
        bucketEntries[i][b] = new Entry(num(r[6 + b]), num(r[6 + b]));
      }
      heldEntries[i] = new Entry(num(r[3]), num(r[3]));
      eligibleEntries[i] = new Entry(num(r[1]), num(r[1]));
      if (i < size) {
        smallRows[i] = small.contains(divisions.get(i).id());
        if (divisions.get(i).id().equals(asked)) {
          at = i;
        }
      }
    }
    boolean[] mask = Suppression.load(bucketEntries, heldEntries, eligibleEntries, smallRows)[at];
    boolean heldHidden = mask[buckets];
    boolean eligibleHidden = mask[buckets + 1];
    // The Gini and the Lorenz curve would give away any of the group's suppressed figures.
    boolean anyHidden = false;
    for (boolean hidden : mask) {
      anyHidden |= hidden;
    }
    List<LoadBucket> load = new ArrayList<>();
    for (int b = 0; b < buckets; b++) {
      load.add(new LoadBucket(LOAD_BUCKETS.get(b), shown(bucketEntries[at][b], mask[b])));
    }
    List<LorenzPoint> lorenz = new ArrayList<>();
    if (leaders >= LORENZ_MINIMUM && interviews > 0 && !anyHidden) {
      lorenz.add(new LorenzPoint(BigDecimal.ZERO, BigDecimal.ZERO));
      for (int k = 1; k <= 9; k++) {
        lorenz.add(
            new LorenzPoint(
                BigDecimal.valueOf(k, 1), Figure.rate(num(row[11 + k]), interviews).value()));
      }
      lorenz.add(new LorenzPoint(BigDecimal.ONE, BigDecimal.ONE));
    }
    Figure gini =
        anyHidden
            ? Figure.SUPPRESSED
            : interviews == 0
                ? Figure.NONE
                : Figure.rate(2 * num(row[5]) - (leaders + 1) * interviews, leaders * interviews);
    Entry atCap = new Entry(num(row[22]), num(row[23]));
    return new LeadersReport(
        filter.from(),
        filter.to(),
        asked,
        false,
        shown(eligibleEntry, eligibleHidden),
        shown(accepting, acceptingHidden),
        rate(accepting, acceptingHidden, eligibleEntry, eligibleHidden),
        shown(heldOne, heldHidden),
        rate(heldOne, heldHidden, eligibleEntry, eligibleHidden),
        load,
        lorenz,
        gini,
        atCap.sensitive() || eligibleHidden
            ? Figure.SUPPRESSED
            : Figure.rate(atCap.value(), num(row[21])));
  }

  /** The facts are counted per calendar month: a report of them covers whole months only. */
  private static void requireWholeMonths(ReportFilter filter) {
    if (filter.from().getDayOfMonth() != 1
        || !filter.to().equals(YearMonth.from(filter.to()).atEndOfMonth())) {
      throw new IllegalArgumentException("A report covers whole months: " + filter);
    }
  }

  /**
   * The period's calendar months as a derived table of {@code period} ("YYYY-MM"), {@code
   * month_start} and {@code month_end} (the instants they begin and the next begins, UTC), written
   * as literals.
   */
  private static String months(ReportFilter filter) {
    StringBuilder months = new StringBuilder();
    for (YearMonth month = YearMonth.from(filter.from());
        !month.isAfter(YearMonth.from(filter.to()));
        month = month.plusMonths(1)) {
      months
          .append(months.length() == 0 ? "" : " union all ")
          .append("select '")
          .append(month)
          .append("' as period, timestamp with time zone '")
          .append(month.atDay(1))
          .append(" 00:00:00+00:00' as month_start, timestamp with time zone '")
          .append(month.plusMonths(1).atDay(1))
          .append(" 00:00:00+00:00' as month_end");
    }
    return months.toString();
  }

  /**
   * The period's rows of {@code kind} not counted yet, by leader and month, as a branch of the
   * counts' union giving {@code figures} (requests, accepted, held) for each.
   */
  private static String uncounted(
      ReportFilter filter, LeaderMonthCounts.Kind kind, String figures) {
    return " union all select u.leader_id, m.period, "
        + figures
        + " from "
        + kind.table()
        + " u join ("
        + months(filter)
        + ") m on "
        + kind.at("u")
        + " >= m.month_start and "
        + kind.at("u")
        + " < m.month_end where "
        + kind.uncounted("u")
        + " and "
        + kind.at("u")
        + " >= :start and "
        + kind.at("u")
        + " < :end";
  }

  /**
   * One group's leader figures, ranked by %1$s among %2$s leaders (the Lorenz curve's points), then
   * their requests, those sent in a month the leader's bookings reached the cap, and the leaders
   * who had any.
   */
  private static final String LEADER_FIGURES =
      "count(*), sum(acc), sum(case when n > 0 then 1 else 0 end), sum(n), sum(%1$s * n),"
          + " sum(case when n = 0 then 1 else 0 end),"
          + " sum(case when n = 1 then 1 else 0 end),"
          + " sum(case when n = 2 then 1 else 0 end),"
          + " sum(case when n between 3 and 4 then 1 else 0 end),"
          + " sum(case when n between 5 and 9 then 1 else 0 end),"
          + " sum(case when n >= 10 then 1 else 0 end),"
          + " sum(case when %1$s * 10 <= 1 * %2$s then n else 0 end),"
          + " sum(case when %1$s * 10 <= 2 * %2$s then n else 0 end),"
          + " sum(case when %1$s * 10 <= 3 * %2$s then n else 0 end),"
          + " sum(case when %1$s * 10 <= 4 * %2$s then n else 0 end),"
          + " sum(case when %1$s * 10 <= 5 * %2$s then n else 0 end),"
          + " sum(case when %1$s * 10 <= 6 * %2$s then n else 0 end),"
          + " sum(case when %1$s * 10 <= 7 * %2$s then n else 0 end),"
          + " sum(case when %1$s * 10 <= 8 * %2$s then n else 0 end),"
          + " sum(case when %1$s * 10 <= 9 * %2$s then n else 0 end),"
          + " sum(requests), sum(at_cap), sum(case when at_cap > 0 then 1 else 0 end)";

  /** The columns of a row of leader figures, its group's id first. */
  private static final int FIGURES = 24;

  // Mobility

  @Transactional
  public MobilityReport mobility(ReportFilter filter, int months) {
    return work(sql -> mobility(sql, filter, months));
  }

  /**
   * One statement: everyone's first held interview is worked out once (PostgreSQL: from the index
   * of held interviews alone, in order), and the participants, the non-participants and the
   * participants' moves are all read from it.
   */
  MobilityReport mobility(ReportSql sql, ReportFilter filter, int months) throws SQLException {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    Window[] windows = {new Window(months, true), new Window(12, false)};
    sql.period(filter).bind("today", today);
    StringBuilder participants = new StringBuilder("select ");
    StringBuilder others = new StringBuilder("select ");
    for (int w = 0; w < windows.length; w++) {
      Window window = windows[w];
      String ended = "part.a + interval '" + window.months() + "' month <= :today";
      participants
          .append(w == 0 ? "" : ", ")
          .append("sum(case when ")
          .append(ended)
          .append(" then 1 else 0 end) as ended")
          .append(w)
          .append(", sum(case when ")
          .append(ended)
          .append(" and ")
          .append(window.outcome("part.pid", "part.a"))
          .append(" then 1 else 0 end) as outcome")
          .append(w);
      sql.bind("windowEnd" + w, filter.from().plusMonths(window.months()));
      String none = "(p.first_at is null or cast(p.first_at as date) >= :windowEnd" + w + ")";
      others
          .append(w == 0 ? "" : ", ")
          .append("sum(case when ")
          .append(none)
          .append(" then 1 else 0 end) as none")
          .append(w)
          .append(", sum(case when ")
          .append(none)
          .append(" and ")
          .append(window.outcome("p.id", "cast(:from as date)"))
          .append(" then 1 else 0 end) as none_outcome")
          .append(w);
    }
    participants.append(" from part join person p on p.id = part.pid");
    others
        .append(" from (select p.id, p.left_on, f.first_at from person p")
        .append("  left join first_held f on f.pid = p.id")
        .append("  where (p.hired_on is null or p.hired_on <= :from)")
        .append("  and (p.left_on is null or p.left_on > :from)")
        .append("  and (p.active = true or p.left_on is not null)) p");
    // The participants' moves within the first window, each once, then whether an interview
    // before it met someone of the division it went to: a join, not a search of every span.
    String into =
        "select count(*) as moves, count(distinct mv.person_id) as movers,"
            + " count(met.id) as into_moves,"
            + " count(distinct case when met.id is not null then mv.person_id end) as into_movers"
            + " from moved mv left join met on met.id = mv.id";
    Object[] row =
        sql.row(
            "with first_held as (select employee_id as pid, min(start_at) as first_at"
                + "  from interview where status = 'HELD' group by employee_id)"
                // Participants: their first held interview in the period, anchored at its day.
                + ", part as (select f.pid, cast(f.first_at as date) as a from first_held f"
                + "  join person p on p.id = f.pid"
                + "  where f.first_at >= :start and f.first_at < :end"
                + "  and (p.active = true or p.left_on is not null))"
                + ", window_ended as (select pid, a from part where a + interval '"
                + months
                + "' month <= :today)"
                + ", moved as (select m.id, m.person_id, m.to_division, m.moved_on"
                + "  from window_ended part join internal_move m on m.person_id = part.pid"
                + "  and m.moved_on > part.a and m.moved_on <= part.a + interval '"
                + months
                + "' month)"
                + ", met as (select distinct mv.id from moved mv join interview i"
                + "  on i.employee_id = mv.person_id and i.status = 'HELD'"
                + "  and cast(i.start_at as date) < mv.moved_on"
                + "  where "
                + DivisionsAtTheTime.ofLeader("i")
                + " = mv.to_division)"
                + " select * from ("
                + participants
                + ") x, ("
                + others
                + ") y, ("
                + into
                + ") z");
    int at = 4 * windows.length;
    List<Comparison> both = new ArrayList<>();
    for (int w = 0; w < windows.length; w++) {
      boolean observable = !filter.from().plusMonths(windows[w].months()).isAfter(today);
      Proportion nonParticipants =
          observable
              ? proportion(
                  num(row[2 * windows.length + 2 * w]), num(row[2 * windows.length + 2 * w + 1]))
              : new Proportion(Figure.NONE, Figure.NONE, Figure.NONE, Figure.NONE, Figure.NONE);
      both.add(
          new Comparison(
              observable, proportion(num(row[2 * w]), num(row[2 * w + 1])), nonParticipants));
    }
    Entry intoEntry = new Entry(num(row[at + 2]), num(row[at + 3]));
    Figure intoShare =
        intoEntry.sensitive() || Suppression.small(num(row[at + 1]))
            ? Figure.SUPPRESSED
            : Figure.rate(intoEntry.value(), num(row[at]));
    return new MobilityReport(
        filter.from(), filter.to(), months, both.get(0), intoShare, both.get(1));
  }

  /** Who is followed for how many months after their anchor, and for what: a move, or staying. */
  private record Window(int months, boolean moves) {

    /** Whether the outcome happened to {@code person} within the window from {@code anchor}. */
    String outcome(String person, String anchor) {
      return moves
          ? "exists (select 1 from internal_move m where m.person_id = "
              + person
              + " and m.moved_on > "
              + anchor
              + " and m.moved_on <= "
              + anchor
              + " + interval '"
              + months
              + "' month)"
          : "(p.left_on is null or p.left_on > " + anchor + " + interval '" + months + "' month)";
    }
  }

  /** k of n with its 95 % Wilson interval, suppressed as docs/METRICS.md says. */
  static Proportion proportion(long n, long k) {
    if (n < Suppression.MINIMUM_PEOPLE) {
      return new Proportion(
          n == 0 ? Figure.count(0) : Figure.SUPPRESSED,
          n == 0 ? Figure.count(0) : Figure.SUPPRESSED,
          n == 0 ? Figure.NONE : Figure.SUPPRESSED,
          n == 0 ? Figure.NONE : Figure.SUPPRESSED,
          n == 0 ? Figure.NONE : Figure.SUPPRESSED);
    }
    if (Suppression.small(k) || Suppression.small(n - k)) {
      return new Proportion(
          Figure.count(n),
          Figure.SUPPRESSED,
          Figure.SUPPRESSED,
          Figure.SUPPRESSED,
          Figure.SUPPRESSED);
    }
    double z = 1.959964;
    double p = (double) k / n;
    double z2 = z * z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
    return new Proportion(
        Figure.count(n),
        Figure.count(k),
        Figure.rate(k, n),
        Figure.decimal(Math.max(0, centre - half), 4),
        Figure.decimal(Math.min(1, centre + half), 4));
  }

  // Talent pool

  /**
   * Employees {@code offset} to {@code offset + limit} of the pool (all: a limit of MAX_VALUE), as
   * {@code reader} may see it: without anyone whose management chain they are in.
   */
  @Transactional
  public TalentPoolReport talentPool(
      UUID reader, String topic, UUID divisionId, int limit, int offset) {
    return work(sql -> talentPool(sql, reader, topic, divisionId, limit, offset));
  }

  /**
   * Active and not past a leaving date (one imported with a leaving date stays active until the
   * directory's next import): the people the talent pool may list today.
   */
  private static String present(String person) {
    return person
        + ".active = true and ("
        + person
        + ".left_on is null or "
        + person
        + ".left_on > :today)";
  }

  TalentPoolReport talentPool(
      ReportSql sql, UUID reader, String topic, UUID divisionId, int limit, int offset)
      throws SQLException {
    sql.bind("today", LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    String wanted = topic == null || topic.isBlank() ? null : topic.strip().toLowerCase();
    if (divisionId != null) {
      Object[] people =
          sql.bind("division", divisionId)
              .row(
                  "select count(*) from person p where "
                      + present("p")
                      + " and p.division_id = cast(:division as uuid)");
      if (num(people[0]) < Suppression.MINIMUM_PEOPLE) {
        return new TalentPoolReport(topic, divisionId, true, List.of(), 0);
      }
    }
    // Nobody the reader manages, directly or not, whatever else the reader may read.
    String below = "with recursive " + ManagementChain.below(reader);
    // The page's employees first, counted over the whole pool, then only their flags. Derived
    // tables rather than common table expressions: H2 does not see the topic's parameter in those.
    // The bounds are whole numbers the resource checked, written into the statement.
    String pool =
        "(select e.id, e.display_name, e.title, e.division_id, count(*) over () as total"
            + "  from person e join talent_consent c on c.employee_id = e.id"
            + "  and c.visible_to_hr = true"
            + "  where "
            + present("e")
            + "  and (cast(:division as uuid) is null or e.division_id = cast(:division as uuid))"
            + "  and not exists (select 1 from below b where b.id = e.id)"
            + "  and exists (select 1 from leader_feedback g where g.employee_id = e.id"
            + "   and g.talent_pool = true"
            + "   and (cast(:topic as varchar(200)) is null or position(cast(:topic as varchar(200))"
            + "    in ';' || lower(g.strengths) || ';') > 0))) pool";
    List<Object[]> rows =
        sql.bind("division", divisionId)
            .bind("topic", wanted == null ? null : ";" + wanted + ";")
            .rows(
                below
                    + " select p.id, p.display_name, p.title, ed.id, ed.name,"
                    + " l.id, l.display_name, l.title, ld.id, ld.name, f.given_at, f.strengths,"
                    + " p.total"
                    + " from (select id, display_name, title, division_id, total from "
                    + pool
                    + "  order by display_name, id offset "
                    + offset
                    + " rows fetch next "
                    + limit
                    + " rows only) p"
                    + " join division ed on ed.id = p.division_id"
                    + " join leader_feedback f on f.employee_id = p.id and f.talent_pool = true"
                    + " join person l on l.id = f.leader_id"
                    + " join division ld on ld.id = l.division_id"
                    + " order by p.display_name, p.id, f.given_at, l.id");
    long total;
    if (!rows.isEmpty()) {
      total = num(rows.get(0)[12]);
    } else {
      // Past the last page: the pool counted on its own.
      total = num(sql.row(below + " select count(*) from " + pool)[0]);
    }
    Map<UUID, TalentEntry> entries = new LinkedHashMap<>();
    for (Object[] row : rows) {
      UUID id = ReportSql.uuid(row[0]);
      TalentEntry entry =
          entries.computeIfAbsent(
              id,
              key ->
                  new TalentEntry(
                      new PersonLine(
                          key,
                          (String) row[1],
                          (String) row[2],
                          new DivisionRef(ReportSql.uuid(row[3]), (String) row[4])),
                      new ArrayList<>()));
      entry
          .flags()
          .add(
              new Flag(
                  new PersonLine(
                      ReportSql.uuid(row[5]),
                      (String) row[6],
                      (String) row[7],
                      new DivisionRef(ReportSql.uuid(row[8]), (String) row[9])),
                  Columns.instant(row[10]).atZone(ZoneOffset.UTC).toLocalDate(),
                  List.of(((String) row[11]).split(";"))));
    }
    return new TalentPoolReport(topic, divisionId, false, List.copyOf(entries.values()), total);
  }

  // Shared

  /** The divisions, by name. */
  private static List<DivisionRef> divisions(ReportSql sql) throws SQLException {
    return sql.rows("select id, name from division order by name, id").stream()
        .map(row -> new DivisionRef(ReportSql.uuid(row[0]), (String) row[1]))
        .toList();
  }

  private interface Work<T> {
    T run(ReportSql sql) throws SQLException;
  }

  private <T> T work(Work<T> work) {
    return em.unwrap(Session.class)
        .doReturningWork(connection -> work.run(ReportSql.on(connection)));
  }

  private static Entry entry(Object value, Object people) {
    return new Entry(num(value), num(people));
  }

  private static Figure count(Entry entry) {
    return entry.sensitive() ? Figure.SUPPRESSED : Figure.count(entry.value());
  }

  private static Figure shown(Entry entry, boolean suppressed) {
    return suppressed ? Figure.SUPPRESSED : Figure.count(entry.value());
  }

  private static Figure rate(
      Entry numerator, boolean numeratorHidden, Entry denominator, boolean denominatorHidden) {
    return numeratorHidden || denominatorHidden
        ? Figure.SUPPRESSED
        : Figure.rate(numerator.value(), denominator.value());
  }

  private static Figure rate(Entry numerator, Entry denominator) {
    return numerator.sensitive() || denominator.sensitive()
        ? Figure.SUPPRESSED
        : Figure.rate(numerator.value(), denominator.value());
  }
}
