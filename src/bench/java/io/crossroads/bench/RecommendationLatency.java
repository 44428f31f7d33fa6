package io.crossroads.bench;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Recommendations over HTTP at the target scale: Payara Micro on PostgreSQL with the generated
 * enterprise organisation (110,000 people, 10,000 leaders, 40 divisions, interests and a year of
 * interviews). One client asks {@code GET /api/me/recommendations?limit=10} for many different
 * employees; the baseline in the same run is {@code GET /api/me} (sign-in, one query, JSON), the
 * cheapest authenticated call. Reported twice: as the client sees it on loopback, and the server's
 * own time from its {@code Server-Timing} header.
 *
 * <p>Run with {@code mvn -Pbench verify -Dbench.main=io.crossroads.bench.RecommendationLatency
 * -Dbench.args=}.
 */
public final class RecommendationLatency {

  static final int EMPLOYEES = 400;
  static final int SAMPLES = Integer.getInteger("bench.samples", 3000);

  public static void main(String[] args) throws Exception {
    Instant started = Instant.now();
    try (BenchServer server =
        BenchServer.start(
            18081,
            "3g",
            "payara-recommendations.log",
            Duration.ofMinutes(30),
            "crossroads.demo.enabled=true",
            "crossroads.demo.size=110000",
            "crossroads.demo.divisions=40",
            "crossroads.demo.leader-share=0.0909")) {
      String base = server.base;
      System.out.printf(
          "Started with the enterprise organisation in %d s%n",
          Duration.between(started, Instant.now()).toSeconds());
      List<String> employees = employees(base);
      for (String employee : employees) {
        BookingThroughput.get(
            base + "api/me", employee); // the first sign-in is a deliberate PBKDF2 round
      }
      for (int i = 0; i < 2000; i++) {
        call(base + "api/me/recommendations?limit=10", employees.get(i % employees.size()));
        call(base + "api/me", employees.get(i % employees.size()));
      }
      long[] recommendations = new long[SAMPLES];
      long[] me = new long[SAMPLES];
      long[] recommendationsServer = new long[SAMPLES];
      long[] meServer = new long[SAMPLES];
      for (int i = 0; i < SAMPLES; i++) {
        String employee = employees.get((i * 7) % employees.size());
        long[] r = call(base + "api/me/recommendations?limit=10", employee);
        recommendations[i] = r[0];
        recommendationsServer[i] = r[1];
        long[] m = call(base + "api/me", employee);
        me[i] = m[0];
        meServer[i] = m[1];
      }
      report("GET /api/me/recommendations?limit=10", recommendations);
      report("  server time (Server-Timing)", recommendationsServer);
      report("GET /api/me (baseline)", me);
      report("  server time (Server-Timing)", meServer);
      Arrays.sort(recommendations);
      Arrays.sort(me);
      System.out.printf(
          "ratio recommendations / baseline: median %.1f, p99 %.1f%n",
          recommendations[SAMPLES / 2] / (double) me[SAMPLES / 2],
          recommendations[SAMPLES * 99 / 100] / (double) me[SAMPLES * 99 / 100]);
    }
  }

  static List<String> employees(String base) throws Exception {
    List<String> employees = new ArrayList<>();
    for (int offset = 0; employees.size() < EMPLOYEES; offset += 500) {
      JsonObject page =
          BookingThroughput.get(base + "api/people?limit=500&offset=" + offset, "ava");
      page.getJsonArray("items").stream()
          .map(JsonObject.class::cast)
          .filter(p -> !p.getBoolean("leader") && p.getString("username").contains("."))
          .map(p -> p.getString("username"))
          .forEach(employees::add);
    }
    return employees.subList(0, EMPLOYEES);
  }

  /** Client-side and server-side microseconds. */
  static long[] call(String url, String user) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<String> response =
        BookingThroughput.HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", BookingThroughput.basic(user))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          url + " as " + user + ": " + response.statusCode() + " " + response.body());
    }
    long client = (System.nanoTime() - t0) / 1000;
    double server =
        response
            .headers()
            .firstValue("Server-Timing")
            .map(h -> Double.parseDouble(h.replaceAll(".*dur=([0-9.]+).*", "$1")))
            .orElse(-1.0);
    return new long[] {client, (long) (server * 1000)};
  }

  static void report(String name, long[] micros) {
    long[] sorted = micros.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%-40s median %6.2f ms, p99 %6.2f ms (%d calls)%n",
        name,
        sorted[sorted.length / 2] / 1000.0,
        sorted[sorted.length * 99 / 100] / 1000.0,
        sorted.length);
  }
}
