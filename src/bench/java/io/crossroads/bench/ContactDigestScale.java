package io.crossroads.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * The weekly digest of contacts due over the enterprise shape: Payara Micro on PostgreSQL with the
 * generated organisation (110,000 people of whom 99,994 employees, 40 divisions, a year of
 * interviews and what followed them: about 63,000 contacts). Measured from the job's claim (the
 * {@code scheduled_run} row of {@code contact-digest}) to the last digest queued in the outbox.
 *
 * <p>The organisation is seeded by a first start with the job's default hourly interval, so no
 * digest runs while it is written; then Payara Micro starts again on the same database with a
 * two-minute interval and the bench waits for the first run. The baseline in the same run, while
 * Payara Micro is stopped: the same due contacts read with one plain JDBC query (joined with both
 * people), the same mail text built, and as many outbox rows inserted in JDBC batches, committed
 * per thousand people as the job does.
 *
 * <p>Run with {@code mvn -Pbench verify -Dbench.main=io.crossroads.bench.ContactDigestScale
 * -Dbench.args=}.
 */
public final class ContactDigestScale {

  static final String[] ENTERPRISE = {
    "crossroads.demo.enabled=true",
    "crossroads.demo.size=110000",
    "crossroads.demo.divisions=40",
    "crossroads.demo.leader-share=0.0909"
  };
  static final Duration AHEAD = Duration.ofDays(7);
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

  public static void main(String[] args) throws Exception {
    Instant started = Instant.now();
    try (BenchServer server =
        BenchServer.start(
            18083, "3g", "payara-digest-seed.log", Duration.ofMinutes(30), ENTERPRISE)) {
      System.out.printf(
          "Started with the enterprise organisation in %d s%n",
          Duration.between(started, Instant.now()).toSeconds());
      seederLog(Path.of("target", "bench", "payara-digest-seed.log"));
      server.stopPayara();

      long[] baseline = new long[3];
      try (Connection c = DriverManager.getConnection(server.jdbcUrl, "postgres", "postgres");
          Connection writer = DriverManager.getConnection(server.jdbcUrl, "postgres", "postgres")) {
        Instant now = Instant.now();
        System.out.printf(
            "employees %d, contacts %d (stopped %d), touches %d, due within a week %d, recipients"
                + " %d%n",
            count(c, "select count(*) from person where leader = false"),
            count(c, "select count(*) from contact"),
            count(c, "select count(*) from contact where stopped"),
            count(c, "select count(*) from contact_touch"),
            due(c, now, "count(*)"),
            due(c, now, "count(distinct c.employee_id)"));
        for (int run = 0; run < baseline.length; run++) {
          long t0 = System.nanoTime();
          int queued = baseline(c, writer, Instant.now(), run);
          baseline[run] = (System.nanoTime() - t0) / 1_000_000;
          System.out.printf(
              "baseline run %d: %d digests queued in %d ms%n", run + 1, queued, baseline[run]);
          c.setAutoCommit(true);
          c.createStatement()
              .executeUpdate("delete from outbox_message where kind = 'bench-digest'");
        }
      }
      Arrays.sort(baseline);

      Instant restarted = Instant.now();
      String[] properties = Arrays.copyOf(ENTERPRISE, ENTERPRISE.length + 1);
      properties[ENTERPRISE.length] = "crossroads.jobs.digest-interval=PT2M";
      server.startPayara("payara-digest.log", Duration.ofMinutes(10), properties);
      System.out.printf(
          "Started again with a two-minute digest interval in %d s%n",
          Duration.between(restarted, Instant.now()).toSeconds());
      try (Connection c = DriverManager.getConnection(server.jdbcUrl, "postgres", "postgres")) {
        Instant claimed = awaitClaim(c, Duration.ofMinutes(5));
        long expected = due(c, claimed, "count(distinct c.employee_id)");
        System.out.printf(
            "claimed at %s, %d people to mail (contacts due by %s)%n",
            claimed, expected, claimed.plus(AHEAD));
        long observed = awaitDigests(c, claimed, expected);
        Instant last =
            instant(c, "select max(created_at) from outbox_message where kind = 'contact-digest'");
        long queued = count(c, "select count(*) from outbox_message where kind = 'contact-digest'");
        if (queued < expected) {
          missed(c, claimed);
        }
        long job = Duration.between(claimed, last).toMillis();
        System.out.printf(
            "job: %d digests, claim to last queued %.1f s (all committed seen after %.1f s)%n",
            queued, job / 1000.0, observed / 1000.0);
        System.out.printf(
            "baseline (plain JDBC, median of 3): %.1f s; job / baseline %.1f; aim under 120 s:"
                + " %s%n",
            baseline[1] / 1000.0, job / (double) baseline[1], job < 120_000 ? "met" : "NOT met");
        try (ResultSet example =
            c.createStatement()
                .executeQuery(
                    "select subject, body from outbox_message where kind = 'contact-digest'"
                        + " order by created_at limit 1")) {
          example.next();
          System.out.println("example: " + example.getString(1) + "\n" + example.getString(2));
        }
      }
    }
  }

  /** The seeder's own account of the seeding: counts and times. */
  static void seederLog(Path log) throws Exception {
    try (var lines = Files.lines(log)) {
      lines
          .filter(l -> l.contains("Demo organisation created"))
          .map(l -> l.replaceAll(".*(Demo organisation created.*?)(\\]\\]|$)", "$1"))
          .forEach(System.out::println);
    }
  }

  /** The same due contacts as the job: not stopped, due within a week, weekly mail not refused. */
  static final String DUE =
      " from contact c where c.stopped = false and c.next_due_at <= ?"
          + " and not exists (select 1 from digest_preference d"
          + " where d.person_id = c.employee_id and d.weekly = false)";

  static long due(Connection c, Instant now, String what) throws Exception {
    try (PreparedStatement s = c.prepareStatement("select " + what + DUE)) {
      s.setTimestamp(1, Timestamp.from(now.plus(AHEAD)));
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /**
   * The baseline: one query for every due contact with both people (read as a cursor on one
   * connection), the same text, and one outbox row per person in JDBC batches on another, committed
   * per thousand people.
   */
  static int baseline(Connection reader, Connection writer, Instant now, int run) throws Exception {
    reader.setAutoCommit(false);
    writer.setAutoCommit(false);
    int queued = 0;
    try (PreparedStatement select =
            reader.prepareStatement(
                "select c.employee_id, e.email, e.display_name, e.time_zone, p.display_name,"
                    + " p.title, c.next_due_at from contact c"
                    + " join person e on e.id = c.employee_id join person p on p.id = c.person_id"
                    + " where c.stopped = false and c.next_due_at <= ?"
                    + " and not exists (select 1 from digest_preference d"
                    + " where d.person_id = c.employee_id and d.weekly = false)"
                    + " order by c.employee_id, c.next_due_at");
        PreparedStatement insert =
            writer.prepareStatement(
                "insert into outbox_message (id, created_at, kind, recipient_id, recipient_email,"
                    + " subject, body, dedupe_key, attempts, next_attempt_at)"
                    + " values (?, ?, 'bench-digest', ?, ?, ?, ?, ?, 0, ?)")) {
      select.setTimestamp(1, Timestamp.from(now.plus(AHEAD)));
      select.setFetchSize(5000);
      try (ResultSet r = select.executeQuery()) {
        Digest digest = null;
        while (r.next()) {
          UUID employee = (UUID) r.getObject(1);
          if (digest == null || !digest.employee.equals(employee)) {
            if (digest != null && digest.queue(insert, now, run) % 1000 == 0) {
              insert.executeBatch();
              writer.commit();
            }
            digest =
                new Digest(
                    employee, r.getString(2), r.getString(3), ZoneId.of(r.getString(4)), ++queued);
          }
          Instant due = r.getTimestamp(7).toInstant();
          digest
              .body
              .append("- ")
              .append(r.getString(5))
              .append(" (")
              .append(r.getString(6))
              .append("), ")
              .append(due.isAfter(now) ? "due " : "due since ")
              .append(DAY.format(due.atZone(digest.zone)))
              .append('\n');
          digest.contacts++;
        }
        if (digest != null) {
          digest.queue(insert, now, run);
        }
      }
      insert.executeBatch();
      writer.commit();
    }
    reader.commit();
    return queued;
  }

  /** One person's mail being written. */
  static final class Digest {
    final UUID employee;
    final String email;
    final String name;
    final ZoneId zone;
    final int number;
    final StringBuilder body =
        new StringBuilder("Time to keep in touch with the people you met:\n\n");
    int contacts;

    Digest(UUID employee, String email, String name, ZoneId zone, int number) {
      this.employee = employee;
      this.email = email;
      this.name = name;
      this.zone = zone;
      this.number = number;
    }

    int queue(PreparedStatement insert, Instant now, int run) throws Exception {
      body.append(
          "\nA short note on what you did with their advice is enough. Log it under Contacts in"
              + " Crossroads, where you can also change how often, snooze, or turn this weekly"
              + " mail off.\n");
      Timestamp at = Timestamp.from(now);
      insert.setObject(1, UUID.randomUUID());
      insert.setTimestamp(2, at);
      insert.setObject(3, employee);
      insert.setString(4, email);
      insert.setString(
          5,
          contacts == 1
              ? "1 contact to keep in touch with this week"
              : contacts + " contacts to keep in touch with this week");
      insert.setString(6, "Hello " + name + ",\n\n" + body);
      insert.setString(7, "bench-digest:" + run + ":" + employee);
      insert.setTimestamp(8, at);
      insert.addBatch();
      return number;
    }
  }

  static Instant awaitClaim(Connection c, Duration patience) throws Exception {
    Instant deadline = Instant.now().plus(patience);
    while (Instant.now().isBefore(deadline)) {
      Instant claimed =
          instant(c, "select min(claimed_at) from scheduled_run where job = 'contact-digest'");
      if (claimed != null) {
        return claimed;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(
        "the digest job did not run; see target/bench/payara-digest.log");
  }

  /** Waits until the digests expected are all committed, or none came for a minute. */
  static long awaitDigests(Connection c, Instant claimed, long expected) throws Exception {
    long seen = -1;
    Instant lastChange = Instant.now();
    while (true) {
      long now = count(c, "select count(*) from outbox_message where kind = 'contact-digest'");
      if (now >= expected) {
        return Duration.between(claimed, Instant.now()).toMillis();
      }
      if (now != seen) {
        seen = now;
        lastChange = Instant.now();
      } else if (Duration.between(lastChange, Instant.now()).toSeconds() > 60) {
        System.out.printf(
            "only %d of %d digests queued after a minute without change%n", now, expected);
        return Duration.between(claimed, lastChange).toMillis();
      }
      Thread.sleep(200);
    }
  }

  /**
   * Who was due but got no digest, by the first hex digit of their id: PostgreSQL orders UUIDs as
   * unsigned bytes, so a scan that starts after a "smallest" id of Java's signed order misses the
   * lower half.
   */
  static void missed(Connection c, Instant claimed) throws Exception {
    try (PreparedStatement s =
        c.prepareStatement(
            "select substr(cast(c.employee_id as varchar), 1, 1) < '8', count(distinct"
                + " c.employee_id)"
                + DUE
                + " and not exists (select 1 from outbox_message o"
                + " where o.kind = 'contact-digest' and o.recipient_id = c.employee_id)"
                + " group by 1 order by 1")) {
      s.setTimestamp(1, Timestamp.from(claimed.plus(AHEAD)));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          System.out.printf(
              "due but not mailed, id starting with %s: %d%n",
              r.getBoolean(1) ? "0-7" : "8-f", r.getLong(2));
        }
      }
    }
  }

  static long count(Connection c, String sql) throws Exception {
    try (ResultSet r = c.createStatement().executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  static Instant instant(Connection c, String sql) throws Exception {
    try (ResultSet r = c.createStatement().executeQuery(sql)) {
      r.next();
      Timestamp t = r.getTimestamp(1);
      return t == null ? null : t.toInstant();
    }
  }
}
