package io.crossroads.bench;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/me/contacts} for someone with 500 contacts, over HTTP on Payara Micro and
 * PostgreSQL (demo organisation of 8,000 people, so 500 leaders of other divisions exist). The 500
 * contacts are written with SQL before the run: met over the last year, touches on time and late,
 * next touches due from two months ago to two months ahead, one in ten stopped, a few snoozed. One
 * client, 2,000 warm-up calls, then 3,000 calls of each, alternating with the baseline {@code GET
 * /api/me} (sign-in, one query, JSON) for the same person. Reported as the client sees it on
 * loopback and as the server's own time from the {@code Server-Timing} header.
 *
 * <p>Run with {@code mvn -Pbench verify -Dbench.main=io.crossroads.bench.ContactsLatency
 * -Dbench.args=}.
 */
public final class ContactsLatency {

  static final int CONTACTS = 500;
  static final int SAMPLES = Integer.getInteger("bench.samples", 3000);

  public static void main(String[] args) throws Exception {
    try (BenchServer server =
        BenchServer.start(
            18084,
            "2g",
            "payara-contacts.log",
            Duration.ofMinutes(10),
            "crossroads.demo.enabled=true",
            "crossroads.demo.size=8000")) {
      String user = contacts(server.jdbcUrl);
      String base = server.base;
      String contacts = base + "api/me/contacts";
      String me = base + "api/me";
      HttpResponse<String> first =
          BookingThroughput.HTTP.send(
              HttpRequest.newBuilder(URI.create(contacts))
                  .header("Authorization", BookingThroughput.basic(user))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      int listed = Json.createReader(new StringReader(first.body())).readArray().size();
      System.out.printf(
          "%s has %d contacts; the answer is %.0f kB of JSON%n",
          user, listed, first.body().length() / 1000.0);
      if (listed != CONTACTS) {
        throw new IllegalStateException("expected " + CONTACTS + " contacts, got " + listed);
      }
      for (int i = 0; i < 2000; i++) {
        RecommendationLatency.call(contacts, user);
        RecommendationLatency.call(me, user);
      }
      long[] list = new long[SAMPLES];
      long[] listServer = new long[SAMPLES];
      long[] baseline = new long[SAMPLES];
      long[] baselineServer = new long[SAMPLES];
      for (int i = 0; i < SAMPLES; i++) {
        long[] c = RecommendationLatency.call(contacts, user);
        list[i] = c[0];
        listServer[i] = c[1];
        long[] m = RecommendationLatency.call(me, user);
        baseline[i] = m[0];
        baselineServer[i] = m[1];
      }
      RecommendationLatency.report("GET /api/me/contacts (500)", list);
      RecommendationLatency.report("  server time (Server-Timing)", listServer);
      RecommendationLatency.report("GET /api/me (baseline)", baseline);
      RecommendationLatency.report("  server time (Server-Timing)", baselineServer);
      for (long[] a : new long[][] {list, listServer, baseline, baselineServer}) {
        Arrays.sort(a);
      }
      System.out.printf(
          "ratio contacts / baseline: client median %.1f, p99 %.1f; server median %.1f, p99 %.1f%n",
          ratio(list, baseline, 50),
          ratio(list, baseline, 99),
          ratio(listServer, baselineServer, 50),
          ratio(listServer, baselineServer, 99));
      System.out.printf(
          "aim, server p99 under 20 ms: %s%n",
          listServer[SAMPLES * 99 / 100] < 20_000 ? "met" : "NOT met");
    }
  }

  static double ratio(long[] a, long[] b, int percentile) {
    return a[a.length * percentile / 100] / (double) b[b.length * percentile / 100];
  }

  /**
   * Gives an employee without contacts 500 of them, leaders of other divisions; returns the
   * employee's user name.
   */
  static String contacts(String jdbcUrl) throws Exception {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
      UUID employee;
      UUID division;
      String username;
      try (ResultSet r =
          c.createStatement()
              .executeQuery(
                  "select p.id, p.division_id, p.username from person p where p.leader = false"
                      + " and p.username like '%.%' and not exists"
                      + " (select 1 from contact c where c.employee_id = p.id)"
                      + " order by p.username limit 1")) {
        r.next();
        employee = (UUID) r.getObject(1);
        division = (UUID) r.getObject(2);
        username = r.getString(3);
      }
      List<UUID> leaders = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "select id from person where leader = true and division_id <> ? order by id limit ?")) {
        s.setObject(1, division);
        s.setInt(2, CONTACTS);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            leaders.add((UUID) r.getObject(1));
          }
        }
      }
      if (leaders.size() < CONTACTS) {
        throw new IllegalStateException("only " + leaders.size() + " leaders in other divisions");
      }
      Instant now = Instant.now();
      c.setAutoCommit(false);
      try (PreparedStatement insert =
          c.prepareStatement(
              "insert into contact (employee_id, person_id, cadence_days, met_at, last_touch_at,"
                  + " next_due_at, snoozed_until, stopped, touches_due, touches_on_time, version)"
                  + " values (?, ?, 30, ?, ?, ?, ?, ?, ?, ?, 0)")) {
        for (int i = 0; i < CONTACTS; i++) {
          Instant met = now.minus(Duration.ofDays(30 + (i * 7L) % 330));
          int touches = (int) Duration.between(met, now).toDays() / 30 - (i % 3);
          Instant due = now.minus(Duration.ofDays(60)).plus(Duration.ofHours(i * 24L * 120 / 500));
          boolean snoozed = i % 25 == 7;
          insert.setObject(1, employee);
          insert.setObject(2, leaders.get(i));
          insert.setTimestamp(3, Timestamp.from(met));
          insert.setTimestamp(
              4, touches > 0 ? Timestamp.from(due.minus(Duration.ofDays(30))) : null);
          insert.setTimestamp(5, Timestamp.from(due));
          insert.setObject(6, snoozed ? java.time.LocalDate.now().plusDays(10) : null);
          insert.setBoolean(7, i % 10 == 3);
          insert.setInt(8, Math.max(0, touches));
          insert.setInt(9, Math.max(0, touches - i % 4));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      c.commit();
      return username;
    }
  }
}
