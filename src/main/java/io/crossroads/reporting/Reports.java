package io.crossroads.reporting;

import static io.crossroads.reporting.ReportSql.EMPLOYED_IN_PERIOD;
import static io.crossroads.reporting.ReportSql.SPANS;
import static io.crossroads.reporting.ReportSql.num;

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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.Session;

/**
 * HR's reports (docs/METRICS.md), aggregated in the database: each report is a few grouped queries;
 * Java only applies suppression and the arithmetic of rates.
 */
@ApplicationScoped
public class Reports {

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

  /** The division's base population is too small to report on (docs/METRICS.md). */
  private boolean tooSmall(ReportSql sql, ReportFilter filter) throws SQLException {
    if (filter.divisionId() == null) {
      return false;
    }
    Object[] row =
        sql.period(filter)
            .row(
                "with "
                    + SPANS
                    + " select count(distinct s.person_id) from span s join person p on p.id ="
                    + " s.person_id where s.division_id = cast(:division as uuid)"
                    + " and s.valid_from <= :to and s.valid_to > :from and "
                    + EMPLOYED_IN_PERIOD);
    return num(row[0]) < Suppression.MINIMUM_PEOPLE;
  }

  // Pipeline

  @Transactional
  public PipelineReport pipeline(ReportFilter filter) {
    return work(sql -> pipeline(sql, filter));
  }

  PipelineReport pipeline(ReportSql sql, ReportFilter filter) throws SQLException {
    if (tooSmall(sql, filter)) {
      return new PipelineReport(
          filter.from(),
          filter.to(),
          filter.divisionId(),
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
    String cohort =
        "with "
            + SPANS
            + ", cohort as (select r.id, r.requester_id, r.status, r.created_at, r.answered_at"
            + " from interview_request r join span s on s.person_id = r.requester_id"
            + " and cast(r.created_at as date) >= s.valid_from"
            + " and cast(r.created_at as date) < s.valid_to"
            + " where r.created_at >= :start and r.created_at < :end"
            + " and (cast(:division as uuid) is null or s.division_id = cast(:division as uuid)))";
    Object[] f =
        sql.period(filter)
            .row(
                cohort
                    // Per employee first, then over employees: one grouping instead of a sort per
                    // distinct count. Thank-yous are joined to interviews only: the cohort's
                    // requests without one, all null keys, once fell into one hash batch.
                    + ", sent as (select requester_id, count(*) as n, count(answered_at) as answered,"
                    + "  sum(case when status = 'EXPIRED' then 1 else 0 end) as expired"
                    + "  from cohort group by requester_id)"
                    + ", met as (select c.requester_id, count(*) as n,"
                    + "  sum(case when i.status = 'HELD' then 1 else 0 end) as held,"
                    + "  sum(case when i.status = 'HELD' and t.interview_id is not null"
                    + "   then 1 else 0 end) as thanked,"
                    + "  sum(case when i.status = 'NO_SHOW' then 1 else 0 end) as no_show,"
                    + "  sum(case when i.status = 'HELD' and t.sent_at <="
                    + "   t.interview_ended_at + interval '48' hour then 1 else 0 end) as on_time"
                    + "  from cohort c join interview i on i.request_id = c.id"
                    + "  left join thank_you t on t.interview_id = i.id group by c.requester_id)"
                    + " select a.n, a.people, a.answered, a.answered_people, b.n, b.people,"
                    + " b.held, b.held_people, b.thanked, b.thanked_people,"
                    + " a.expired, a.expired_people, b.no_show, b.no_show_people,"
                    + " b.held_or_no_show_people, b.on_time, b.on_time_people, m.median"
                    + " from (select sum(n) as n, count(*) as people, sum(answered) as answered,"
                    + "  sum(case when answered > 0 then 1 else 0 end) as answered_people,"
                    + "  sum(expired) as expired,"
                    + "  sum(case when expired > 0 then 1 else 0 end) as expired_people"
                    + "  from sent) a"
                    + " cross join (select sum(n) as n, count(*) as people, sum(held) as held,"
                    + "  sum(case when held > 0 then 1 else 0 end) as held_people,"
                    + "  sum(thanked) as thanked,"
                    + "  sum(case when thanked > 0 then 1 else 0 end) as thanked_people,"
                    + "  sum(no_show) as no_show,"
                    + "  sum(case when no_show > 0 then 1 else 0 end) as no_show_people,"
                    + "  sum(case when held + no_show > 0 then 1 else 0 end)"
                    + "   as held_or_no_show_people,"
                    + "  sum(on_time) as on_time,"
                    + "  sum(case when on_time > 0 then 1 else 0 end) as on_time_people"
                    + "  from met) b"
                    + " cross join (select percentile_cont(0.5) within group (order by"
                    + "  extract(epoch from answered_at) - extract(epoch from created_at))"
                    + "  as median from cohort) m");
    Object[] n =
        sql.row(
            cohort
                + ", named as (select f.id, f.employee_id, f.interview_id, f.depth"
                + "  from cohort c join interview i on i.request_id = c.id and i.status = 'HELD'"
                + "  join referral f on f.interview_id = i.id)"
                // Each name once, with whether a request cited it and whether one was held.
                + ", cited as (select q.referral_id,"
                + "  max(case when qi.status = 'HELD' then 1 else 0 end) as held"
                + "  from interview_request q left join interview qi on qi.request_id = q.id"
                + "  where q.referral_id in (select id from named) group by q.referral_id)"
                + ", given as (select n.id, n.employee_id, n.interview_id, n.depth,"
                + "  case when ct.referral_id is null then 0 else 1 end as followed,"
                + "  coalesce(ct.held, 0) as held"
                + "  from named n left join cited ct on ct.referral_id = n.id)"
                + " select count(*), count(distinct employee_id), count(distinct interview_id),"
                + " sum(followed), count(distinct case when followed = 1 then employee_id end),"
                + " sum(held), count(distinct case when held = 1 then employee_id end),"
                + " sum(case when depth = 1 then 1 else 0 end),"
                + " count(distinct case when depth = 1 then employee_id end),"
                + " sum(case when depth = 2 then 1 else 0 end),"
                + " count(distinct case when depth = 2 then employee_id end),"
                + " sum(case when depth >= 3 then 1 else 0 end),"
                + " count(distinct case when depth >= 3 then employee_id end)"
                + " from given");
    Object[] k =
        sql.row(
            "with "
                + SPANS
                + " select sum(ct.touches_on_time), sum(ct.touches_due),"
                + " count(distinct case when ct.touches_due > 0 then ct.employee_id end)"
                + " from contact ct join span s on s.person_id = ct.employee_id"
                + " and cast(ct.met_at as date) >= s.valid_from"
                + " and cast(ct.met_at as date) < s.valid_to"
                + " where ct.met_at >= :start and ct.met_at < :end"
                + " and (cast(:division as uuid) is null or s.division_id = cast(:division as uuid))");

    Entry sent = entry(f[0], f[1]);
    Entry answered = entry(f[2], f[3]);
    Entry accepted = entry(f[4], f[5]);
    Entry held = entry(f[6], f[7]);
    Entry thanked = entry(f[8], f[9]);
    Entry expired = entry(f[10], f[11]);
    Entry noShow = entry(f[12], f[13]);
    long heldOrNoShowPeople = num(f[14]);
    Entry onTime = entry(f[15], f[16]);
    Entry referralsGiven = entry(n[0], n[1]);
    Entry referralGiven = entry(n[2], n[1]);
    Entry followed = entry(n[3], n[4]);
    Entry referralHeld = entry(n[5], n[6]);
    Entry[] depths = {entry(n[7], n[8]), entry(n[9], n[10]), entry(n[11], n[12])};

    Entry[] stages = {
      sent, answered, accepted, held, thanked, referralGiven, followed, referralHeld
    };
    List<Stage> funnel = new ArrayList<>();
    for (int i = 0; i < stages.length; i++) {
      funnel.add(new Stage(STAGES.get(i), count(stages[i])));
    }
    boolean[] depthMask = Suppression.line(depths, referralsGiven);
    List<DepthCount> chain = new ArrayList<>();
    String[] depthNames = {"1", "2", "3+"};
    for (int i = 0; i < depths.length; i++) {
      chain.add(
          new DepthCount(
              depthNames[i], depthMask[i] ? Figure.SUPPRESSED : Figure.count(depths[i].value())));
    }
    Figure median =
        answered.sensitive() || f[17] == null
            ? (answered.sensitive() ? Figure.SUPPRESSED : Figure.NONE)
            : Figure.decimal(((Number) f[17]).doubleValue() / 3600.0, 1);
    Figure adherence =
        Suppression.small(num(k[2])) ? Figure.SUPPRESSED : Figure.rate(num(k[0]), num(k[1]));
    return new PipelineReport(
        filter.from(),
        filter.to(),
        filter.divisionId(),
        false,
        funnel,
        new Rates(
            rate(accepted, sent),
            rate(expired, sent),
            noShow.sensitive() || Suppression.small(heldOrNoShowPeople)
                ? Figure.SUPPRESSED
                : Figure.rate(noShow.value(), held.value() + noShow.value()),
            rate(onTime, held)),
        median,
        depthMask[3] ? Figure.SUPPRESSED : Figure.count(referralsGiven.value()),
        // Suppressed with the count it would reveal, also when only its complement hid it.
        depthMask[3] ? Figure.SUPPRESSED : rate(referralsGiven, held),
        chain,
        adherence);
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
    Entry zero = new Entry(0, 0);
    Entry[][] cells = new Entry[size][size];
    for (Entry[] row : cells) {
      Arrays.fill(row, zero);
    }
    Entry[] rowTotals = new Entry[size];
    Entry[] columnTotals = new Entry[size];
    Arrays.fill(rowTotals, zero);
    Arrays.fill(columnTotals, zero);
    Entry total = zero;
    List<Object[]> rows =
        sql.period(filter)
            .rows(
                "with "
                    + SPANS
                    + ", held as (select i.employee_id, se.division_id as ed, sl.division_id as ld"
                    + " from interview i"
                    + " join span se on se.person_id = i.employee_id"
                    + "  and cast(i.start_at as date) >= se.valid_from"
                    + "  and cast(i.start_at as date) < se.valid_to"
                    + " join span sl on sl.person_id = i.leader_id"
                    + "  and cast(i.start_at as date) >= sl.valid_from"
                    + "  and cast(i.start_at as date) < sl.valid_to"
                    + " where i.status = 'HELD' and i.start_at >= :start and i.start_at < :end)"
                    + " select 'c', ed, ld, count(*), count(distinct employee_id) from held"
                    + "  group by ed, ld"
                    + " union all select 'r', ed, null, count(*), count(distinct employee_id)"
                    + "  from held group by ed"
                    + " union all select 'k', null, ld, count(*), count(distinct employee_id)"
                    + "  from held group by ld"
                    + " union all select 't', null, null, count(*), count(distinct employee_id)"
                    + "  from held");
    for (Object[] row : rows) {
      Entry entry = entry(row[3], row[4]);
      switch (row[0].toString()) {
        case "c" ->
            cells[index.get(ReportSql.uuid(row[1]))][index.get(ReportSql.uuid(row[2]))] = entry;
        case "r" -> rowTotals[index.get(ReportSql.uuid(row[1]))] = entry;
        case "k" -> columnTotals[index.get(ReportSql.uuid(row[2]))] = entry;
        default -> total = entry;
      }
    }
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

  // Leaders

  @Transactional
  public LeadersReport leaders(ReportFilter filter) {
    return work(sql -> leaders(sql, filter));
  }

  LeadersReport leaders(ReportSql sql, ReportFilter filter) throws SQLException {
    if (tooSmall(sql, filter)) {
      return new LeadersReport(
          filter.from(),
          filter.to(),
          filter.divisionId(),
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
    String eligible =
        "with "
            + SPANS
            + ", eligible as (select p.id from person p"
            + " join leader_profile lp on lp.person_id = p.id"
            + " join span s on s.person_id = p.id and s.valid_from <= :to and s.valid_to > :to"
            + " where p.leader = true and "
            + EMPLOYED_IN_PERIOD
            + " and (cast(:division as uuid) is null or s.division_id = cast(:division as uuid)))";
    Object[] row =
        sql.period(filter)
            .row(
                eligible
                    + ", held as (select leader_id, count(*) as n from interview"
                    + "  where status = 'HELD' and start_at >= :start and start_at < :end"
                    + "  group by leader_id)"
                    + ", accepted as (select distinct leader_id from interview"
                    + "  where created_at >= :start and created_at < :end)"
                    + ", per as (select e.id, coalesce(h.n, 0) as n,"
                    + "  case when a.leader_id is null then 0 else 1 end as acc"
                    + "  from eligible e left join held h on h.leader_id = e.id"
                    + "  left join accepted a on a.leader_id = e.id)"
                    + ", ranked as (select n, acc, row_number() over (order by n, id) as rk,"
                    + "  count(*) over () as total from per)"
                    + " select count(*), sum(acc), sum(case when n > 0 then 1 else 0 end), sum(n),"
                    + " sum(rk * n),"
                    + " sum(case when n = 0 then 1 else 0 end),"
                    + " sum(case when n = 1 then 1 else 0 end),"
                    + " sum(case when n = 2 then 1 else 0 end),"
                    + " sum(case when n between 3 and 4 then 1 else 0 end),"
                    + " sum(case when n between 5 and 9 then 1 else 0 end),"
                    + " sum(case when n >= 10 then 1 else 0 end),"
                    + " sum(case when rk * 10 <= 1 * total then n else 0 end),"
                    + " sum(case when rk * 10 <= 2 * total then n else 0 end),"
                    + " sum(case when rk * 10 <= 3 * total then n else 0 end),"
                    + " sum(case when rk * 10 <= 4 * total then n else 0 end),"
                    + " sum(case when rk * 10 <= 5 * total then n else 0 end),"
                    + " sum(case when rk * 10 <= 6 * total then n else 0 end),"
                    + " sum(case when rk * 10 <= 7 * total then n else 0 end),"
                    + " sum(case when rk * 10 <= 8 * total then n else 0 end),"
                    + " sum(case when rk * 10 <= 9 * total then n else 0 end)"
                    + " from ranked");
    Object[] cap =
        sql.row(
            eligible
                + " select count(*),"
                + " sum(case when ml.booked >= lp.monthly_cap then 1 else 0 end),"
                + " count(distinct case when ml.booked >= lp.monthly_cap then r.leader_id end)"
                + " from interview_request r join eligible e on e.id = r.leader_id"
                + " join leader_profile lp on lp.person_id = r.leader_id"
                + " left join leader_month_load ml on ml.leader_id = r.leader_id"
                + "  and ml.period = cast(extract(year from r.created_at) as varchar(4)) || '-'"
                + "   || lpad(cast(extract(month from r.created_at) as varchar(2)), 2, '0')"
                + " where r.created_at >= :start and r.created_at < :end");

    long leaders = num(row[0]);
    long interviews = num(row[3]);
    Entry eligibleEntry = new Entry(leaders, leaders);
    Entry accepting = new Entry(num(row[1]), num(row[1]));
    Entry heldOne = new Entry(num(row[2]), num(row[2]));
    Entry[] buckets = new Entry[LOAD_BUCKETS.size()];
    for (int i = 0; i < buckets.length; i++) {
      buckets[i] = new Entry(num(row[5 + i]), num(row[5 + i]));
    }
    boolean[] bucketMask = Suppression.line(buckets, eligibleEntry);
    // Bucket "0" and the leaders who held one add up to the eligible: one hides with the other,
    // and the Gini and the Lorenz curve, which would give the count away, with them.
    boolean heldHidden = heldOne.sensitive() || bucketMask[0];
    bucketMask[0] |= heldHidden;
    List<LoadBucket> load = new ArrayList<>();
    for (int i = 0; i < buckets.length; i++) {
      load.add(new LoadBucket(LOAD_BUCKETS.get(i), shown(buckets[i], bucketMask[i])));
    }
    List<LorenzPoint> lorenz = new ArrayList<>();
    if (leaders >= LORENZ_MINIMUM && interviews > 0 && !heldHidden) {
      lorenz.add(new LorenzPoint(BigDecimal.ZERO, BigDecimal.ZERO));
      for (int k = 1; k <= 9; k++) {
        lorenz.add(
            new LorenzPoint(
                BigDecimal.valueOf(k, 1), Figure.rate(num(row[10 + k]), interviews).value()));
      }
      lorenz.add(new LorenzPoint(BigDecimal.ONE, BigDecimal.ONE));
    }
    Figure gini =
        eligibleEntry.sensitive() || heldHidden
            ? Figure.SUPPRESSED
            : interviews == 0
                ? Figure.NONE
                : Figure.rate(2 * num(row[4]) - (leaders + 1) * interviews, leaders * interviews);
    Entry atCap = new Entry(num(cap[1]), num(cap[2]));
    return new LeadersReport(
        filter.from(),
        filter.to(),
        filter.divisionId(),
        false,
        count(eligibleEntry),
        count(accepting),
        rate(accepting, eligibleEntry),
        heldHidden ? Figure.SUPPRESSED : count(heldOne),
        heldHidden ? Figure.SUPPRESSED : rate(heldOne, eligibleEntry),
        load,
        lorenz,
        gini,
        atCap.sensitive() || eligibleEntry.sensitive()
            ? Figure.SUPPRESSED
            : Figure.rate(atCap.value(), num(cap[0])));
  }

  // Mobility

  @Transactional
  public MobilityReport mobility(ReportFilter filter, int months) {
    return work(sql -> mobility(sql, filter, months));
  }

  MobilityReport mobility(ReportSql sql, ReportFilter filter, int months) throws SQLException {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    Comparison moves = comparison(sql, filter, months, today, true);
    Comparison retention = comparison(sql, filter, 12, today, false);
    Object[] into =
        sql.row(
            participants(months)
                // Each move once, then whether an interview before it met someone of the
                // division it went to: a join, not a search of every span per move.
                + ", moved as (select m.id, m.person_id, m.to_division, m.moved_on"
                + " from part join internal_move m on m.person_id = part.pid"
                + " and m.moved_on > part.a and m.moved_on <= part.a + interval '"
                + months
                + "' month)"
                + ", met as (select distinct mv.id from moved mv join interview i"
                + "  on i.employee_id = mv.person_id and i.status = 'HELD'"
                + "  and cast(i.start_at as date) < mv.moved_on"
                + "  join span sl on sl.person_id = i.leader_id"
                + "  and cast(i.start_at as date) >= sl.valid_from"
                + "  and cast(i.start_at as date) < sl.valid_to"
                + "  where sl.division_id = mv.to_division)"
                + " select count(*), count(distinct mv.person_id), count(met.id),"
                + " count(distinct case when met.id is not null then mv.person_id end)"
                + " from moved mv left join met on met.id = mv.id");
    Entry intoEntry = new Entry(num(into[2]), num(into[3]));
    Figure intoShare =
        intoEntry.sensitive() || Suppression.small(num(into[1]))
            ? Figure.SUPPRESSED
            : Figure.rate(intoEntry.value(), num(into[0]));
    return new MobilityReport(filter.from(), filter.to(), months, moves, intoShare, retention);
  }

  /** Participants whose N-month window has ended by :today, anchored at their first held day. */
  private static String participants(int months) {
    return "with "
        + SPANS
        + ", first_held as (select employee_id as pid, min(start_at) as first_at from interview"
        + "  where status = 'HELD' group by employee_id)"
        + ", part as (select f.pid, cast(f.first_at as date) as a from first_held f"
        + "  join person p on p.id = f.pid"
        + "  where f.first_at >= :start and f.first_at < :end"
        + "  and (p.active = true or p.left_on is not null)"
        + "  and cast(f.first_at as date) + interval '"
        + months
        + "' month <= :today)";
  }

  private Comparison comparison(
      ReportSql sql, ReportFilter filter, int months, LocalDate today, boolean moves)
      throws SQLException {
    String outcome =
        moves
            ? "exists (select 1 from internal_move m where m.person_id = %1$s"
                + " and m.moved_on > %2$s and m.moved_on <= %2$s + interval '"
                + months
                + "' month)"
            : "(p.left_on is null or p.left_on > %2$s + interval '" + months + "' month)";
    sql.period(filter).bind("today", today).bind("windowEnd", filter.from().plusMonths(months));
    Object[] part =
        sql.row(
            participants(months)
                + " select count(*), sum(case when "
                + outcome.formatted("part.pid", "part.a")
                + " then 1 else 0 end) from part join person p on p.id = part.pid");
    boolean observable = !filter.from().plusMonths(months).isAfter(today);
    Proportion others;
    if (observable) {
      Object[] non =
          sql.row(
              "select count(*), sum(case when "
                  + outcome.formatted("p.id", "cast(:from as date)")
                  + " then 1 else 0 end) from person p"
                  + " where (p.hired_on is null or p.hired_on <= :from)"
                  + " and (p.left_on is null or p.left_on > :from)"
                  + " and (p.active = true or p.left_on is not null)"
                  + " and not exists (select 1 from interview i where i.employee_id = p.id"
                  + "  and i.status = 'HELD' and cast(i.start_at as date) < :windowEnd)");
      others = proportion(num(non[0]), num(non[1]));
    } else {
      others = new Proportion(Figure.NONE, Figure.NONE, Figure.NONE, Figure.NONE, Figure.NONE);
    }
    return new Comparison(observable, proportion(num(part[0]), num(part[1])), others);
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

  @Transactional
  public TalentPoolReport talentPool(String topic, UUID divisionId) {
    return work(sql -> talentPool(sql, topic, divisionId));
  }

  TalentPoolReport talentPool(ReportSql sql, String topic, UUID divisionId) throws SQLException {
    String wanted = topic == null || topic.isBlank() ? null : topic.strip().toLowerCase();
    if (divisionId != null) {
      Object[] people =
          sql.bind("division", divisionId)
              .row(
                  "select count(*) from person where active = true"
                      + " and division_id = cast(:division as uuid)");
      if (num(people[0]) < Suppression.MINIMUM_PEOPLE) {
        return new TalentPoolReport(topic, divisionId, true, List.of());
      }
    }
    List<Object[]> rows =
        sql.bind("division", divisionId)
            .bind("topic", wanted == null ? null : ";" + wanted + ";")
            .rows(
                "select e.id, e.display_name, e.title, ed.id, ed.name,"
                    + " l.id, l.display_name, l.title, ld.id, ld.name, f.given_at, f.strengths"
                    + " from leader_feedback f"
                    + " join talent_consent c on c.employee_id = f.employee_id"
                    + "  and c.visible_to_hr = true"
                    + " join person e on e.id = f.employee_id and e.active = true"
                    + " join division ed on ed.id = e.division_id"
                    + " join person l on l.id = f.leader_id"
                    + " join division ld on ld.id = l.division_id"
                    + " where f.talent_pool = true"
                    + " and (cast(:division as uuid) is null"
                    + "  or e.division_id = cast(:division as uuid))"
                    + " and (cast(:topic as varchar(200)) is null or exists (select 1"
                    + "  from leader_feedback g where g.employee_id = f.employee_id"
                    + "  and g.talent_pool = true"
                    + "  and position(cast(:topic as varchar(200)) in"
                    + "   ';' || lower(g.strengths) || ';') > 0))"
                    + " order by e.display_name, e.id, f.given_at, l.id");
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
    return new TalentPoolReport(topic, divisionId, false, List.copyOf(entries.values()));
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

  private static Figure rate(Entry numerator, Entry denominator) {
    return numerator.sensitive() || denominator.sensitive()
        ? Figure.SUPPRESSED
        : Figure.rate(numerator.value(), denominator.value());
  }
}
