package io.crossroads.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossroads.people.DivisionsAtTheTime;
import io.crossroads.reporting.DivisionStamps;
import io.crossroads.reporting.LeaderMonthCounts;
import io.crossroads.reporting.PipelineDivisionMonths;
import io.crossroads.reporting.PipelineMonthCounts;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * HR's reports are correct to the person: a generated organisation and two years of its history are
 * written into the database of a running Crossroads, every figure is computed again from those
 * records in plain Java (docs/METRICS.md, {@link ReportsReference}), and every report the API
 * answers must equal it exactly, suppression included, on PostgreSQL and on H2.
 */
class ReportsReferenceIT {

  static final long SEED = 14L;
  static final Duration BOOT = Duration.ofMinutes(5);

  @Test
  void everyReportOnPostgresqlEqualsTheFiguresComputedFromTheGeneratedHistory() throws Exception {
    String url = TestEnvironment.freshDatabase("reports_reference");
    compare(
        "postgresql", Map.of("crossroads.db.url", url), () -> connect(url, "postgres", "postgres"));
  }

  @Test
  void everyReportOnH2EqualsTheFiguresComputedFromTheGeneratedHistory() throws Exception {
    Path data =
        Path.of(System.getProperty("crossroads.it.work"), "reports-h2-" + UUID.randomUUID());
    // AUTO_SERVER lets this test write into the file Payara Micro has open.
    String url = "jdbc:h2:file:" + data.resolve("crossroads") + ";AUTO_SERVER=TRUE";
    compare(
        "h2",
        Map.of("crossroads.db.url", url, "crossroads.db.user", "crossroads"),
        () -> connect(url, "crossroads", ""));
  }

  private static Connection connect(String url, String user, String password) {
    try {
      return DriverManager.getConnection(url, user, password);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void compare(String database, Map<String, String> settings, Supplier<Connection> db)
      throws Exception {
    Path work = Path.of(System.getProperty("crossroads.it.work"), "reports-" + database);
    Map<String, String> properties = new HashMap<>(settings);
    properties.put("crossroads.demo.enabled", "false");
    // The rows are stamped with their divisions at the time by this test, between its two rounds.
    properties.put("crossroads.jobs.division-stamps-interval", "PT1H");
    int port = PayaraMicroProcess.freePort();
    Api api = new Api(URI.create("http://127.0.0.1:" + port + "/"));
    try (PayaraMicroProcess crossroads =
        PayaraMicroProcess.start(work, port, database, properties)) {
      crossroads.awaitReady(api, BOOT);
      ReportsHistory history = ReportsHistory.generate(SEED, Instant.now());
      try (Connection connection = db.get()) {
        history.insert(connection);
        assertThat(unstamped(connection))
            .as("rows written behind the service's back have no divisions at the time yet")
            .isPositive();
        for (LeaderMonthCounts.Kind kind : LeaderMonthCounts.Kind.values()) {
          assertThat(uncounted(connection, kind.uncountedQuery()))
              .as("%s written behind the service's back are not in the leaders' counts yet", kind)
              .isPositive();
        }
        for (PipelineMonthCounts.Kind kind : PipelineMonthCounts.Kind.values()) {
          assertThat(uncounted(connection, kind.uncountedQuery()))
              .as("%s written behind the service's back are not in the pipeline's counts yet", kind)
              .isPositive();
        }
      }
      ReportsReference reference = new ReportsReference(history, history.today);
      assertThat(api.get(ReportsHistory.HR_USERNAME, "api/me").status())
          .as("HR signs in with the password written with the history")
          .isEqualTo(200);
      assertTheHistoryHasItsEdges(history, reference);
      // First every division worked out from the moves, then every one read from its stamp.
      List<String> mismatches = new ArrayList<>();
      compareEveryReport(api, history, reference, "unstamped", mismatches);
      try (Connection connection = db.get()) {
        try (var statement = connection.createStatement()) {
          statement.execute("set time zone 'UTC'");
        }
        DivisionsAtTheTime.stamp(connection, Integer.MAX_VALUE);
        // Half of each kind folded into the leaders' counts: the reports add both halves up.
        for (LeaderMonthCounts.Kind kind : LeaderMonthCounts.Kind.values()) {
          long uncounted = uncounted(connection, kind.uncountedQuery());
          assertThat(LeaderMonthCounts.fold(connection, kind, (int) (uncounted / 2)))
              .isEqualTo(uncounted / 2);
          assertThat(uncounted(connection, kind.uncountedQuery()))
              .as("%s left out of the leaders' counts", kind)
              .isEqualTo(uncounted - uncounted / 2);
        }
        // And half of each kind of fact into the pipeline's.
        foldHalf(connection);
        assertThat(unstamped(connection)).as("rows left without a stamp").isZero();
      }
      compareEveryReport(api, history, reference, "stamped", mismatches);
      try (Connection connection = db.get()) {
        try (var statement = connection.createStatement()) {
          statement.execute("set time zone 'UTC'");
        }
        // Everyone who ever moved counted in divisions they were not in when they sent, as if
        // their moves had been recorded only after the counting.
        List<UUID> movers = new ArrayList<>();
        try (var statement = connection.createStatement();
            var result = statement.executeQuery("select distinct person_id from internal_move")) {
          while (result.next()) {
            movers.add(result.getObject(1, UUID.class));
          }
        }
        DivisionsAtTheTime.forget(connection, movers);
        DivisionsAtTheTime.stamp(connection, Integer.MAX_VALUE);
        List<UUID> divisions = new ArrayList<>();
        try (var statement = connection.createStatement();
            var result = statement.executeQuery("select id from division")) {
          while (result.next()) {
            divisions.add(result.getObject(1, UUID.class));
          }
        }
        try (var wrong =
            connection.prepareStatement(
                "update interview_request set requester_division_id = case"
                    + " when requester_division_id = ? then ? else ? end where requester_id = ?")) {
          for (UUID mover : movers) {
            wrong.setObject(1, divisions.get(0));
            wrong.setObject(2, divisions.get(1));
            wrong.setObject(3, divisions.get(0));
            wrong.setObject(4, mover);
            wrong.addBatch();
          }
          wrong.executeBatch();
        }
        while (PipelineMonthCounts.fold(connection, Integer.MAX_VALUE) > 0) {
          // every fact counted
        }
        assertThat(counted(connection, movers))
            .as("the movers' requests counted in the wrong divisions")
            .isPositive();
        // Then the moves recorded: half the movers by an import of this version, which forgets
        // their counts with their stamps; half by one of the version before, which forgot only
        // the stamps, and whose job stamped them anew (an import during a rolling upgrade).
        List<UUID> forgotten = movers.subList(0, movers.size() / 2);
        List<UUID> stampsOnly = movers.subList(movers.size() / 2, movers.size());
        DivisionsAtTheTime.forget(connection, forgotten);
        assertThat(counted(connection, forgotten))
            .as("the movers' requests left in the pipeline's counts")
            .isZero();
        try (var update =
            connection.prepareStatement(
                "update interview_request set requester_division_id = null"
                    + " where requester_id = ?")) {
          for (UUID mover : stampsOnly) {
            update.setObject(1, mover);
            update.addBatch();
          }
          update.executeBatch();
        }
        DivisionsAtTheTime.stamp(connection, Integer.MAX_VALUE);
        assertThat(PipelineMonthCounts.countedElsewhere(connection))
            .as("employees counted in divisions their stamps no longer say")
            .isNotEmpty()
            .isSubsetOf(stampsOnly);
        // The job's next batch forgets those counts too; then every row is stamped anew and half
        // of each kind of fact counted again. Counted twice, lost or left in the wrong division,
        // the movers' requests would show in the figures.
        DivisionStamps.stampAndCount(connection, 1);
        assertThat(PipelineMonthCounts.countedElsewhere(connection)).isEmpty();
        DivisionsAtTheTime.stamp(connection, Integer.MAX_VALUE);
        // Half the divisions' months the moves touched counted again; the others are read from
        // their employees' months.
        long marked = uncounted(connection, RECOUNT);
        assertThat(marked).as("divisions' months marked for recounting").isGreaterThan(1);
        assertThat(PipelineDivisionMonths.recount(connection, (int) (marked / 2)))
            .isEqualTo(marked / 2);
        foldHalf(connection);
        assertThat(uncounted(connection, RECOUNT))
            .as("divisions' months still marked for recounting")
            .isEqualTo(marked - marked / 2);
        if (database.equals("postgresql")) {
          // A writer that does not keep the divisions' months (the version before's job, during
          // a rolling upgrade) leaves the one it wrote marked for recounting.
          try (Connection before = db.get();
              var write = before.createStatement()) {
            assertThat(
                    write.executeUpdate(
                        "update pipeline_month set sent = sent where (division_id, period) in"
                            + " (select division_id, period from pipeline_division_month"
                            + " where not recount order by division_id, period"
                            + " fetch first 1 rows only)"))
                .isPositive();
          }
          assertThat(uncounted(connection, RECOUNT))
              .as("divisions' months marked for recounting after a write of the version before")
              .isEqualTo(marked - marked / 2 + 1);
        }
      }
      compareEveryReport(api, history, reference, "forgotten", mismatches);
      assertThat(crossroads.log())
          .as("the pipeline's two readings agreed whenever it needed the second")
          .doesNotContain("The pipeline's counts changed between its two readings");
      if (database.equals("postgresql")) {
        // The same reads on H2 would ask the same suppression of the same figures.
        assertNoDivisionIsTheCompanyLessTheOthers(api, history);
      }
      assertThat(LocalDate.now(ZoneOffset.UTC))
          .as("the test ran within one UTC day; the history is relative to it")
          .isEqualTo(history.today);
      assertTheCompanysLoadSpreadIsShown(api, history, reference);
      assertThat(mismatches)
          .as(
              "reports on "
                  + database
                  + " that differ from the figures computed from the history"
                  + (reference.choices.isEmpty()
                      ? ""
                      : " (choices the definitions left open: " + reference.choices + ")"))
          .isEmpty();
    }
  }

  private void compareEveryReport(
      Api api,
      ReportsHistory history,
      ReportsReference reference,
      String round,
      List<String> mismatches)
      throws Exception {
    for (Call call : calls(history, reference)) {
      String path = round + " " + call.path();
      JsonObject answer = read(api, call.path(), path, mismatches);
      if (answer == null) {
        continue;
      }
      JsonObject expected = normalised(call.expected().get());
      JsonObject actual = normalised(answer);
      diff(path, expected, actual, mismatches, columns(expected));
    }
  }

  /**
   * A report's answer; the talent pool's read a small page at a time and put together, so that the
   * pages, not only the first, are compared. Null, with the mismatch noted, if a read failed.
   */
  private static JsonObject read(Api api, String call, String path, List<String> mismatches) {
    if (!call.startsWith("api/reports/talent-pool")) {
      return json(api.get(ReportsHistory.HR_USERNAME, call), path, mismatches);
    }
    String separator = call.contains("?") ? "&" : "?";
    JsonArrayBuilder employees = Json.createArrayBuilder();
    JsonObject page = null;
    int offset = 0;
    do {
      page =
          json(
              api.get(
                  ReportsHistory.HR_USERNAME,
                  call + separator + "limit=" + POOL_PAGE + "&offset=" + offset),
              path,
              mismatches);
      if (page == null) {
        return null;
      }
      page.getJsonArray("employees").forEach(employees::add);
      offset += POOL_PAGE;
    } while (offset < page.getInt("total"));
    if (call.equals("api/reports/talent-pool") && offset <= POOL_PAGE) {
      mismatches.add(path + ": the whole pool fits one page, so no second page was compared");
    }
    return Json.createObjectBuilder(page).add("employees", employees).build();
  }

  /** The talent pool's page in {@link #read}: fewer than the pool's people, so several pages. */
  private static final int POOL_PAGE = 7;

  private static JsonObject json(Api.Reply reply, String path, List<String> mismatches) {
    if (reply.status() != 200 || !reply.contentType().startsWith("application/json")) {
      mismatches.add(path + ": expected 200 with JSON, got " + reply);
      return null;
    }
    return reply.json();
  }

  /** Rows of a kind not yet folded into their counts, from the kind's query. */
  private static long uncounted(Connection connection, String uncountedQuery)
      throws java.sql.SQLException {
    try (var statement = connection.createStatement();
        var result = statement.executeQuery(uncountedQuery)) {
      result.next();
      return result.getLong(1);
    }
  }

  /** The divisions' months of the pipeline marked for recounting. */
  private static final String RECOUNT =
      "select count(*) from pipeline_division_month where recount";

  /** Folds half of each kind of fact not yet counted into the pipeline's monthly counts. */
  private static void foldHalf(Connection connection) throws java.sql.SQLException {
    for (PipelineMonthCounts.Kind kind : PipelineMonthCounts.Kind.values()) {
      // (A fact is counted after its request's sending: fewer may be ready.)
      long uncounted = uncounted(connection, kind.uncountedQuery());
      int folded = PipelineMonthCounts.fold(connection, kind, (int) (uncounted / 2));
      assertThat(folded).as("%s counted", kind).isPositive();
      assertThat(uncounted(connection, kind.uncountedQuery()))
          .as("%s left out of the pipeline's counts", kind)
          .isEqualTo(uncounted - folded);
    }
  }

  /** The requests of these employees sent in the pipeline's counts. */
  private static long counted(Connection connection, List<UUID> employees)
      throws java.sql.SQLException {
    long sent = 0;
    try (var statement =
        connection.prepareStatement(
            "select coalesce(sum(sent), 0) from pipeline_month where employee_id = ?")) {
      for (UUID employee : employees) {
        statement.setObject(1, employee);
        try (var result = statement.executeQuery()) {
          result.next();
          sent += result.getLong(1);
        }
      }
    }
    return sent;
  }

  /** Rows of any kind without their divisions at the time. */
  private static long unstamped(Connection connection) throws java.sql.SQLException {
    long rows = 0;
    for (String query :
        List.of(
            "select count(*) from interview_request where requester_division_id is null",
            "select count(*) from interview where employee_division_id is null"
                + " or leader_division_id is null",
            "select count(*) from contact where employee_division_id is null")) {
      try (var statement = connection.createStatement();
          var result = statement.executeQuery(query)) {
        result.next();
        rows += result.getLong(1);
      }
    }
    return rows;
  }

  /** The small groups the definitions turn on are there, whatever the seed made of the rest. */
  private static void assertTheHistoryHasItsEdges(
      ReportsHistory history, ReportsReference reference) {
    LocalDate yearAgo = history.yearStart;
    LocalDate today = history.yearEnd;
    assertThat(reference.basePopulation(history.division.get("Legal").id(), yearAgo, today))
        .isEqualTo(5);
    assertThat(reference.basePopulation(history.division.get("Research").id(), yearAgo, today))
        .isEqualTo(5);
    assertThat(reference.basePopulation(history.division.get("Strategy").id(), yearAgo, today))
        .isEqualTo(4);
    UUID lena = history.named.get("Lena").id();
    for (var expected : Map.of("Finance", 5L, "Marketing", 4L).entrySet()) {
      UUID division = history.division.get(expected.getKey()).id();
      assertThat(
              history.interviews.stream()
                  .filter(i -> i.leaderId().equals(lena) && i.status().equals("HELD"))
                  .filter(i -> ReportsReference.within(i.start(), yearAgo, today))
                  .filter(
                      i ->
                          history
                              .divisionOn(i.employeeId(), ReportsReference.day(i.start()))
                              .equals(division))
                  .map(ReportsHistory.Interview::employeeId)
                  .distinct()
                  .count())
          .as("people of " + expected.getKey() + " who met Lena of Legal")
          .isEqualTo(expected.getValue());
    }
    JsonObject design = reference.flows(yearAgo, today).getJsonArray("rows").getJsonObject(0);
    assertThat(design.getJsonObject("division").getString("name")).isEqualTo("Design");
    assertThat(design.getJsonObject("total").getInt("value"))
        .as("Design's row shows its total, so its one small cell takes another with it")
        .isEqualTo(6);
    UUID designId = history.division.get("Design").id();
    List<ReportsHistory.Referral> designNames =
        history.referrals.stream()
            .filter(
                f ->
                    history
                        .divisionOn(f.employeeId(), ReportsReference.day(f.createdAt()))
                        .equals(designId))
            .toList();
    assertThat(designNames.stream().map(ReportsHistory.Referral::employeeId).distinct().count())
        .as("Design's employees given a name")
        .isEqualTo(5);
    assertThat(
            history.requests.stream()
                .filter(r -> r.referralId() != null)
                .filter(r -> designNames.stream().anyMatch(f -> f.id().equals(r.referralId())))
                .map(ReportsHistory.Request::requesterId)
                .distinct()
                .count())
        .as("Design's employees who asked a leader they were given")
        .isEqualTo(1);
    assertThat(reference.eligibleLeaders(yearAgo, today, null)).hasSizeGreaterThanOrEqualTo(50);
    for (LocalDate[] period :
        List.of(
            new LocalDate[] {yearAgo, today},
            new LocalDate[] {history.earlierStart, history.earlierEnd})) {
      JsonObject company = reference.leaders(period[0], period[1], null);
      assertThat(company.getJsonArray("load"))
          .as("the company's load from " + period[0] + ": no bucket of one to four leaders")
          .allSatisfy(
              b -> assertThat(b.asJsonObject().getJsonObject("leaders").get("value")).isNotNull());
      assertThat(company.getJsonArray("lorenz"))
          .as("the company's Lorenz curve from " + period[0])
          .hasSize(11);
      assertThat(company.getJsonObject("gini").get("value"))
          .as("the company's Gini from " + period[0])
          .isInstanceOf(JsonNumber.class);
    }
  }

  /**
   * The company's Gini and Lorenz curve, of this year and of the earlier period, are shown and are
   * the reference's: its load buckets have none or at least five leaders each.
   */
  private static void assertTheCompanysLoadSpreadIsShown(
      Api api, ReportsHistory history, ReportsReference reference) {
    Map<String, JsonObject> reads =
        Map.of(
            "api/reports/leaders",
            reference.leaders(history.yearStart, history.yearEnd, null),
            "api/reports/leaders?from=" + history.earlierStart + "&to=" + history.earlierEnd,
            reference.leaders(history.earlierStart, history.earlierEnd, null));
    for (var read : reads.entrySet()) {
      JsonObject answer = api.get(ReportsHistory.HR_USERNAME, read.getKey()).json();
      List<String> differences = new ArrayList<>();
      diff(
          read.getKey(),
          read.getValue().get("lorenz"),
          answer.get("lorenz"),
          differences,
          List.of());
      diff(read.getKey(), read.getValue().get("gini"), answer.get("gini"), differences, List.of());
      assertThat(answer.getJsonArray("lorenz")).as(read.getKey() + " lorenz").hasSize(11);
      assertThat(answer.getJsonObject("gini").get("value"))
          .as(read.getKey() + " gini")
          .isInstanceOf(JsonNumber.class);
      assertThat(differences).as(read.getKey() + ": Lorenz curve and Gini").isEmpty();
    }
  }

  /**
   * The differencing attack: HR reads a report for the whole company and for every division, and
   * subtracts the other divisions' figures from the company's. Every figure that adds up over the
   * divisions must leave none of them alone suppressed while the company's is shown.
   */
  private static void assertNoDivisionIsTheCompanyLessTheOthers(Api api, ReportsHistory history) {
    List<String> recovered = new ArrayList<>();
    Map<String, List<String>> figures =
        Map.of(
            "api/reports/pipeline",
            List.of(
                "funnel[0].count",
                "funnel[1].count",
                "funnel[2].count",
                "funnel[3].count",
                "funnel[4].count",
                "funnel[5].count",
                "funnel[6].count",
                "funnel[7].count",
                "referralsGiven",
                "chainDepth[0].count",
                "chainDepth[1].count",
                "chainDepth[2].count"),
            "api/reports/leaders",
            List.of(
                "eligibleLeaders",
                "acceptingLeaders",
                "heldLeaders",
                "load[0].leaders",
                "load[1].leaders",
                "load[2].leaders",
                "load[3].leaders",
                "load[4].leaders",
                "load[5].leaders"));
    String[] periods = {
      "",
      "?from=" + YearMonth.from(history.earlierStart) + "&to=" + YearMonth.from(history.earlierEnd),
    };
    int attacked = 0;
    for (var report : figures.entrySet()) {
      for (String period : periods) {
        JsonObject company = api.get(ReportsHistory.HR_USERNAME, report.getKey() + period).json();
        Map<String, JsonObject> byDivision = new HashMap<>();
        for (ReportsHistory.Division d : history.divisions) {
          String query = (period.isEmpty() ? "?" : period + "&") + "divisionId=" + d.id();
          byDivision.put(
              d.name(), api.get(ReportsHistory.HR_USERNAME, report.getKey() + query).json());
        }
        for (String figure : report.getValue()) {
          JsonObject total = at(company, figure);
          List<String> hidden = new ArrayList<>();
          long others = 0;
          for (var division : byDivision.entrySet()) {
            JsonObject f = at(division.getValue(), figure);
            if (f.getBoolean("suppressed", false)) {
              hidden.add(division.getKey());
            } else {
              others += f.getJsonNumber("value").longValue();
            }
          }
          attacked++;
          if (!total.getBoolean("suppressed", false) && hidden.size() == 1) {
            recovered.add(
                report.getKey()
                    + period
                    + " "
                    + figure
                    + ": "
                    + hidden.get(0)
                    + " = "
                    + (total.getJsonNumber("value").longValue() - others));
          }
        }
      }
    }
    assertThat(attacked).isEqualTo(2 * (12 + 9));
    assertThat(recovered)
        .as("figures of a single suppressed division recovered as the company's less the others'")
        .isEmpty();
  }

  /** A figure by its path: {@code funnel[3].count}, {@code eligibleLeaders}. */
  private static JsonObject at(JsonObject report, String path) {
    JsonValue value = report;
    for (String part : path.split("\\.")) {
      int bracket = part.indexOf('[');
      if (bracket < 0) {
        value = value.asJsonObject().get(part);
      } else {
        value =
            value
                .asJsonObject()
                .getJsonArray(part.substring(0, bracket))
                .get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
      }
    }
    return value.asJsonObject();
  }

  /** One report read, with the answer computed from the history. */
  private record Call(String path, Supplier<JsonObject> expected) {}

  private static List<Call> calls(ReportsHistory history, ReportsReference reference) {
    LocalDate yearAgo = history.yearStart;
    LocalDate today = history.yearEnd;
    LocalDate from = history.earlierStart;
    LocalDate to = history.earlierEnd;
    String earlier = "from=" + from + "&to=" + to;
    UUID engineering = history.division.get("Engineering").id();
    UUID finance = history.division.get("Finance").id();
    UUID operations = history.division.get("Operations").id();
    UUID legal = history.division.get("Legal").id();
    UUID research = history.division.get("Research").id();
    UUID strategy = history.division.get("Strategy").id();
    UUID design = history.division.get("Design").id();
    List<Call> calls = new ArrayList<>();
    String pipeline = "api/reports/pipeline";
    calls.add(new Call(pipeline, () -> reference.pipeline(yearAgo, today, null)));
    calls.add(new Call(pipeline + "?" + earlier, () -> reference.pipeline(from, to, null)));
    for (UUID d : List.of(engineering, finance, legal, research, strategy, design)) {
      calls.add(
          new Call(pipeline + "?divisionId=" + d, () -> reference.pipeline(yearAgo, today, d)));
    }
    calls.add(
        new Call(
            pipeline + "?" + earlier + "&divisionId=" + research,
            () -> reference.pipeline(from, to, research)));
    calls.add(new Call("api/reports/flows", () -> reference.flows(yearAgo, today)));
    calls.add(new Call("api/reports/flows?" + earlier, () -> reference.flows(from, to)));
    String leaders = "api/reports/leaders";
    calls.add(new Call(leaders, () -> reference.leaders(yearAgo, today, null)));
    calls.add(new Call(leaders + "?" + earlier, () -> reference.leaders(from, to, null)));
    for (UUID d : List.of(engineering, operations, legal, research, strategy)) {
      calls.add(new Call(leaders + "?divisionId=" + d, () -> reference.leaders(yearAgo, today, d)));
    }
    String mobility = "api/reports/mobility";
    // Without dates: the latest twelve months whose participants can be followed for 12 months.
    LocalDate limit = history.today.minusMonths(12);
    YearMonth last =
        YearMonth.from(limit).atEndOfMonth().isAfter(limit)
            ? YearMonth.from(limit).minusMonths(1)
            : YearMonth.from(limit);
    calls.add(
        new Call(
            mobility + "?months=6",
            () -> reference.mobility(last.minusMonths(11).atDay(1), last.atEndOfMonth(), 6)));
    calls.add(
        new Call(
            mobility + "?from=" + yearAgo + "&to=" + today,
            () -> reference.mobility(yearAgo, today, 6)));
    calls.add(new Call(mobility + "?" + earlier, () -> reference.mobility(from, to, 6)));
    calls.add(
        new Call(mobility + "?" + earlier + "&months=3", () -> reference.mobility(from, to, 3)));
    String talent = "api/reports/talent-pool";
    calls.add(new Call(talent, () -> reference.talentPool(null, null)));
    calls.add(new Call(talent + "?topic=analytics", () -> reference.talentPool("analytics", null)));
    for (UUID d : List.of(operations, finance, legal, research, strategy)) {
      calls.add(new Call(talent + "?divisionId=" + d, () -> reference.talentPool(null, d)));
    }
    calls.add(
        new Call(
            talent + "?topic=Negotiation&divisionId=" + operations,
            () -> reference.talentPool("Negotiation", operations)));
    return calls;
  }

  // Comparing answers

  /**
   * The talent pool comes by name in the database's order of names (its collation), which the
   * reference does not reproduce: employees are compared by id, each one's flags by day and leader.
   */
  private static JsonObject normalised(JsonObject report) {
    if (!(report.get("employees") instanceof JsonArray employees)) {
      return report;
    }
    List<JsonObject> sorted = new ArrayList<>();
    for (JsonValue value : employees) {
      JsonObject entry = value.asJsonObject();
      List<JsonValue> flags = new ArrayList<>(entry.getJsonArray("flags"));
      flags.sort(
          Comparator.comparing((JsonValue f) -> text(f.asJsonObject().get("on")))
              .thenComparing(f -> text(f.asJsonObject().getJsonObject("by").get("id"))));
      JsonArrayBuilder flagArray = Json.createArrayBuilder();
      flags.forEach(flagArray::add);
      sorted.add(Json.createObjectBuilder(entry).add("flags", flagArray).build());
    }
    sorted.sort(Comparator.comparing(e -> text(e.getJsonObject("employee").get("id"))));
    JsonArrayBuilder array = Json.createArrayBuilder();
    sorted.forEach(array::add);
    return Json.createObjectBuilder(report).add("employees", array).build();
  }

  private static String text(JsonValue value) {
    return value instanceof JsonString s ? s.getString() : String.valueOf(value);
  }

  /** The flow matrix's column names, to name a cell by its row and column. */
  private static List<String> columns(JsonObject report) {
    List<String> names = new ArrayList<>();
    if (report.get("divisions") instanceof JsonArray divisions) {
      divisions.forEach(d -> names.add(d.asJsonObject().getString("name")));
    }
    return names;
  }

  private static boolean absent(JsonValue value) {
    return value == null || value == JsonValue.NULL;
  }

  private static boolean isFigure(JsonValue value) {
    return value instanceof JsonObject o && Set.of("value", "suppressed").containsAll(o.keySet());
  }

  static void diff(
      String path, JsonValue expected, JsonValue actual, List<String> out, List<String> columns) {
    if (absent(expected) && absent(actual)) {
      return;
    }
    // A list not given ("lorenz" below 50 leaders) may be empty or left out.
    if (expected instanceof JsonArray e && e.isEmpty() && absent(actual)) {
      return;
    }
    if (isFigure(expected) && isFigure(actual)) {
      if (!sameFigure(expected.asJsonObject(), actual.asJsonObject())) {
        out.add(path + ": expected " + expected + ", actual " + actual);
      }
      return;
    }
    if (absent(expected)
        || absent(actual)
        || expected.getValueType() != actual.getValueType()
            && !(isBoolean(expected) && isBoolean(actual))) {
      out.add(path + ": expected " + expected + ", actual " + actual);
      return;
    }
    switch (expected.getValueType()) {
      case OBJECT -> {
        Set<String> keys = new LinkedHashSet<>(expected.asJsonObject().keySet());
        keys.addAll(actual.asJsonObject().keySet());
        for (String key : keys) {
          diff(
              path + "." + key,
              expected.asJsonObject().get(key),
              actual.asJsonObject().get(key),
              out,
              columns);
        }
      }
      case ARRAY -> {
        JsonArray e = expected.asJsonArray();
        JsonArray a = actual.asJsonArray();
        if (e.size() != a.size()) {
          out.add(
              path + ": expected " + e.size() + " entries " + e + ", actual " + a.size() + " " + a);
          return;
        }
        for (int i = 0; i < e.size(); i++) {
          diff(
              path + "[" + label(path, i, e.get(i), columns) + "]",
              e.get(i),
              a.get(i),
              out,
              columns);
        }
      }
      case NUMBER -> {
        if (((JsonNumber) expected)
                .bigDecimalValue()
                .compareTo(((JsonNumber) actual).bigDecimalValue())
            != 0) {
          out.add(path + ": expected " + expected + ", actual " + actual);
        }
      }
      default -> {
        if (!expected.equals(actual)) {
          out.add(path + ": expected " + expected + ", actual " + actual);
        }
      }
    }
  }

  private static boolean isBoolean(JsonValue value) {
    return value == JsonValue.TRUE || value == JsonValue.FALSE;
  }

  private static boolean sameFigure(JsonObject expected, JsonObject actual) {
    boolean expectedSuppressed = expected.getBoolean("suppressed", false);
    boolean actualSuppressed = actual.getBoolean("suppressed", false);
    if (expectedSuppressed || actualSuppressed) {
      return expectedSuppressed && actualSuppressed && absent(actual.get("value"));
    }
    JsonValue e = expected.get("value");
    JsonValue a = actual.get("value");
    if (absent(e) || absent(a)) {
      return absent(e) && absent(a);
    }
    return a instanceof JsonNumber n
        && ((JsonNumber) e).bigDecimalValue().compareTo(n.bigDecimalValue()) == 0;
  }

  /** Names an array entry by what it is about: a stage, a bucket, a division, a column. */
  private static String label(String path, int index, JsonValue entry, List<String> columns) {
    if ((path.endsWith(".cells") || path.endsWith(".columnTotals")) && index < columns.size()) {
      return columns.get(index);
    }
    if (entry instanceof JsonObject o) {
      for (String key : List.of("stage", "depth", "bucket", "leaderShare")) {
        if (o.containsKey(key)) {
          return key + "=" + o.get(key);
        }
      }
      if (o.get("division") instanceof JsonObject d) {
        return d.getString("name", "?");
      }
      if (o.get("employee") instanceof JsonObject e) {
        return e.getString("displayName", "?");
      }
    }
    return Integer.toString(index);
  }
}
