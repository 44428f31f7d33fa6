package io.crossroads.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a phase of bookings cost, apart from how the two cores were shared: the CPU time of the
 * process that did the work (Payara Micro for HTTP, this JVM for plain JDBC) and the database's own
 * CPU, per booking; and the statements the database ran per booking, from pg_stat_statements (reset
 * when the phase starts).
 */
final class BookingCost {

  /** Transaction control and session settings: counted apart from the statements that do work. */
  private static final Pattern CONTROL =
      Pattern.compile(
          "(?i)^\\s*(begin|commit|rollback|set |show |savepoint|release).*", Pattern.DOTALL);

  private final String jdbcUrl;
  private final ProcessHandle worker;
  private Duration workerBefore;
  private Duration databaseBefore;

  private BookingCost(String jdbcUrl, ProcessHandle worker) {
    this.jdbcUrl = jdbcUrl;
    this.worker = worker;
  }

  /** Starts counting: statements from zero, CPU from now. */
  static BookingCost start(String jdbcUrl, ProcessHandle worker) throws Exception {
    BookingCost cost = new BookingCost(jdbcUrl, worker);
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
        Statement s = c.createStatement()) {
      s.execute("create extension if not exists pg_stat_statements");
      s.execute("select pg_stat_statements_reset()");
    }
    cost.workerBefore = cpu(worker);
    cost.databaseBefore = databaseCpu();
    return cost;
  }

  /** What the phase cost per booking. */
  Report stop(String phase, long bookings) throws Exception {
    Duration worked = cpu(worker).minus(workerBefore);
    Duration database = databaseCpu().minus(databaseBefore);
    Map<String, Long> calls = new LinkedHashMap<>();
    long control = 0;
    long work = 0;
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "select query, calls from pg_stat_statements"
                    + " where query not like '%pg_stat_statements%' order by calls desc")) {
      while (r.next()) {
        String query = r.getString(1).replaceAll("\\s+", " ").trim();
        long n = r.getLong(2);
        if (CONTROL.matcher(query).matches()) {
          control += n;
        } else {
          work += n;
          calls.merge(query, n, Long::sum);
        }
      }
    }
    return new Report(phase, bookings, worked, database, work, control, calls);
  }

  record Report(
      String phase,
      long bookings,
      Duration workerCpu,
      Duration databaseCpu,
      long statements,
      long control,
      Map<String, Long> calls) {

    double workerMillisPerBooking() {
      return workerCpu.toNanos() / 1e6 / Math.max(1, bookings);
    }

    double databaseMillisPerBooking() {
      return databaseCpu.toNanos() / 1e6 / Math.max(1, bookings);
    }

    double statementsPerBooking() {
      return statements / (double) Math.max(1, bookings);
    }

    @Override
    public String toString() {
      StringBuilder text =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "%s: %d bookings, CPU per booking %.2f ms (worker) + %.2f ms (PostgreSQL),"
                      + " statements per booking %.2f (+ %.2f transaction control)%n",
                  phase,
                  bookings,
                  workerMillisPerBooking(),
                  databaseMillisPerBooking(),
                  statementsPerBooking(),
                  control / (double) Math.max(1, bookings)));
      List<Map.Entry<String, Long>> top = new ArrayList<>(calls.entrySet());
      for (Map.Entry<String, Long> entry : top.subList(0, Math.min(40, top.size()))) {
        double perBooking = entry.getValue() / (double) Math.max(1, bookings);
        if (perBooking < 0.05) {
          continue;
        }
        String query = entry.getKey();
        text.append(
            String.format(
                Locale.ROOT,
                "    %5.2f  %s%n",
                perBooking,
                query.length() > 160 ? query.substring(0, 160) + "…" : query));
      }
      return text.toString();
    }
  }

  static Duration cpu(ProcessHandle process) {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  /**
   * CPU of the benchmark's PostgreSQL: every process of its binary under target/bench, the server
   * and each connection's backend (the pools keep theirs open through a phase).
   */
  static Duration databaseCpu() {
    String home = java.nio.file.Path.of("target", "bench").toAbsolutePath().toString();
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .command()
                    .map(c -> c.startsWith(home) && c.endsWith("/bin/postgres"))
                    .orElse(false))
        .map(BookingCost::cpu)
        .reduce(Duration.ZERO, Duration::plus);
  }
}
