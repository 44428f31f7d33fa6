package io.crossroads.bench;

import io.crossroads.demo.DemoOrganisation;
import io.crossroads.demo.DemoOrganisation.PersonSeed;
import io.crossroads.demo.DemoOrganisation.Plan;
import io.crossroads.directory.DirectoryCsv;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A 100,000-line HRIS export imported over HTTP into Payara Micro on PostgreSQL: first import
 * (everyone joins), the same file again (nothing changes), then with 1,000 people in another
 * division (1,000 internal moves), then, over 20,000 requests waiting and 10,000 interviews to
 * come, a new head above the top (every management chain changes) with 200 employees moving into
 * the division of a leader they wait on. Wall time from the upload to the job's DONE, as HR would
 * see it. The baseline in the same run: reading and checking the same file in memory ({@code
 * DirectoryCsv.parse}), which every import does before it touches the database.
 *
 * <p>Run with {@code mvn -Pbench verify -Dbench.main=io.crossroads.bench.DirectoryImportScale
 * -Dbench.args=}.
 */
public final class DirectoryImportScale {

  public static void main(String[] args) throws Exception {
    Plan plan = DemoOrganisation.generate(new DemoOrganisation.Shape(100_000, 40, 7, 0.0909));
    String first = csv(plan, Map.of());
    Map<UUID, String> moved = new HashMap<>();
    for (int i = 0; i < plan.people().size() && moved.size() < 1000; i += 97) {
      moved.put(plan.people().get(i).id(), "Transfers " + (i % 3));
    }
    String second = csv(plan, moved);
    System.out.printf("File: %d lines, %.1f MB%n", plan.people().size(), first.length() / 1e6);

    long[] parse = new long[5];
    for (int i = 0; i < parse.length; i++) {
      long t0 = System.nanoTime();
      DirectoryCsv.Parsed parsed = DirectoryCsv.parse(new StringReader(first));
      parse[i] = (System.nanoTime() - t0) / 1_000_000;
      if (!parsed.valid()) {
        throw new IllegalStateException(
            "generated file has errors: " + parsed.errors().subList(0, 3));
      }
    }
    java.util.Arrays.sort(parse);
    System.out.printf(
        "baseline, reading and checking the file in memory: median %d ms of 5%n", parse[2]);

    try (BenchServer server =
        BenchServer.start(
            18082,
            "2g",
            "payara-import.log",
            Duration.ofMinutes(5),
            "crossroads.demo.enabled=true",
            "crossroads.demo.size=40")) {
      String base = server.base;
      importAndReport(base, "first import (100,000 joiners)", first);
      importAndReport(base, "the same file again", first);
      importAndReport(base, "1,000 division changes", second);

      // What a change of the directory goes over: requests waiting and interviews to come. Then a
      // new head above the top (every management chain changes, so every pair is asked about)
      // and 200 employees moving into the division of a leader they wait on.
      OpenWork work = OpenWork.seed(server.jdbcUrl, 20_000, 10_000, 200);
      System.out.println("open before: " + OpenWork.count(server.jdbcUrl));
      importAndReport(
          base,
          "a new head, 200 moves, open work",
          reorganised(plan, moved, work.movesIntoTheLeadersDivision));
      System.out.println("open after:  " + OpenWork.count(server.jdbcUrl));
    }
  }

  static void importAndReport(String base, String name, String csv) throws Exception {
    Instant started = Instant.now();
    HttpResponse<String> accepted =
        BookingThroughput.HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "api/directory/import"))
                .header("Authorization", BookingThroughput.basic("hana"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (accepted.statusCode() != 202) {
      throw new IllegalStateException(accepted.statusCode() + " " + accepted.body());
    }
    String job =
        Json.createReader(new StringReader(accepted.body())).readObject().getString("jobId");
    while (true) {
      JsonObject state = BookingThroughput.get(base + "api/jobs/" + job, "hana");
      String status = state.getString("status");
      if (status.equals("DONE") || status.equals("FAILED")) {
        System.out.printf(
            "%-32s %s in %.1f s: %s%n",
            name,
            status,
            Duration.between(started, Instant.now()).toMillis() / 1000.0,
            status.equals("DONE") ? state.getString("summary") : state.toString());
        return;
      }
      Thread.sleep(250);
    }
  }

  /**
   * The file after {@code moved}, with a new head above everyone at the top and each user name in
   * {@code moves} in the division it names.
   */
  static String reorganised(Plan plan, Map<UUID, String> moved, Map<String, String> moves) {
    Map<UUID, String> divisions = new HashMap<>(moved);
    plan.people()
        .forEach(
            p -> {
              if (moves.containsKey(p.username())) {
                divisions.put(p.id(), moves.get(p.username()));
              }
            });
    return csv(plan, divisions, "newhead")
        + "newhead,New Head,newhead@example.com,"
        + quote(plan.divisions().get(0).name())
        + ",Chief executive,12,,UTC,false,false\n";
  }

  static String csv(Plan plan, Map<UUID, String> divisionOverrides) {
    return csv(plan, divisionOverrides, null);
  }

  /** The plan's people as an export; those at the top report to {@code head}, if any. */
  static String csv(Plan plan, Map<UUID, String> divisionOverrides, String head) {
    Map<UUID, String> divisions = new HashMap<>();
    plan.divisions().forEach(d -> divisions.put(d.id(), d.name()));
    Map<UUID, String> usernames = new HashMap<>();
    plan.people().forEach(p -> usernames.put(p.id(), p.username()));
    StringBuilder csv =
        new StringBuilder(
            "username,displayName,email,division,title,level,manager,timeZone,leader,hr\n");
    for (PersonSeed p : plan.people()) {
      csv.append(p.username())
          .append(',')
          .append(quote(p.displayName()))
          .append(',')
          .append(p.email())
          .append(',')
          .append(quote(divisionOverrides.getOrDefault(p.id(), divisions.get(p.divisionId()))))
          .append(',')
          .append(quote(p.title()))
          .append(',')
          .append(p.level())
          .append(',')
          .append(p.managerId() == null ? (head == null ? "" : head) : usernames.get(p.managerId()))
          .append(',')
          .append(p.timeZone().getId())
          .append(',')
          .append(p.leader())
          .append(',')
          .append(p.hr())
          .append('\n');
    }
    return csv.toString();
  }

  static String quote(String value) {
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }
}
