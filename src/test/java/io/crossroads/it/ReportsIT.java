package io.crossroads.it;

import static io.crossroads.it.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * HR's reports over HTTP on PostgreSQL with the demo history: their shape, CSV, refusals of bad
 * filters, small divisions, consent in the talent pool and the audit of every read.
 */
@ExtendWith(ArquillianExtension.class)
class ReportsIT {

  @ArquillianResource URL base;
  Api api;

  @BeforeEach
  void connect() {
    api = new Api(base);
  }

  @Test
  void thePipelineFollowsTheDemoHistoryThroughEveryStage() {
    String from = YearMonth.now(ZoneOffset.UTC).minusMonths(12).toString();
    JsonObject report = api.get("hana", "api/reports/pipeline?from=" + from).json();
    assertThat(report.getString("from")).isEqualTo(from + "-01");
    assertThat(report.getString("to"))
        .isEqualTo(YearMonth.now(ZoneOffset.UTC).atEndOfMonth().toString());
    assertThat(report.getBoolean("allSuppressed")).isFalse();
    List<String> stages =
        report.getJsonArray("funnel").stream()
            .map(stage -> stage.asJsonObject().getString("stage"))
            .toList();
    assertThat(stages)
        .containsExactly(
            "SENT",
            "ANSWERED",
            "ACCEPTED",
            "HELD",
            "THANKED",
            "REFERRAL_GIVEN",
            "REFERRAL_FOLLOWED",
            "REFERRAL_HELD");
    long sent = value(report.getJsonArray("funnel").getJsonObject(0).getJsonObject("count"));
    long held = value(report.getJsonArray("funnel").getJsonObject(3).getJsonObject("count"));
    assertThat(sent).isGreaterThan(held).isGreaterThan(50);
    assertThat(report.getJsonObject("rates").getJsonObject("acceptance").getJsonNumber("value"))
        .isNotNull();
    assertThat(report.getJsonObject("medianHoursToFirstAnswer").containsKey("value")).isTrue();
  }

  @Test
  void mobilityWithoutDatesFollowsTheLatestYearWhoseParticipantsCanBeFollowedForAYear() {
    JsonObject mobility = api.get("hana", "api/reports/mobility").json();
    LocalDate limit = LocalDate.now(ZoneOffset.UTC).minusMonths(12);
    YearMonth last = YearMonth.from(limit);
    if (last.atEndOfMonth().isAfter(limit)) {
      last = last.minusMonths(1);
    }
    assertThat(mobility.getString("to")).isEqualTo(last.atEndOfMonth().toString());
    assertThat(mobility.getString("from")).isEqualTo(last.minusMonths(11).atDay(1).toString());
    JsonObject retention = mobility.getJsonObject("retention12Months");
    assertThat(retention.getBoolean("observable")).isTrue();
    assertThat(value(retention.getJsonObject("participants").getJsonObject("people")))
        .isGreaterThanOrEqualTo(5);
    assertThat(value(retention.getJsonObject("nonParticipants").getJsonObject("people")))
        .isGreaterThan(value(retention.getJsonObject("participants").getJsonObject("people")));
  }

  @Test
  void theDemoLeadersReportShowsTheCompanysLorenzCurveAndGiniForTheDefaultRange() {
    JsonObject leaders = api.get("hana", "api/reports/leaders").json();
    assertThat(leaders.getBoolean("allSuppressed")).isFalse();
    assertThat(leaders.getJsonArray("load"))
        .as("no load bucket of the company suppressed")
        .allSatisfy(
            bucket ->
                assertThat(bucket.asJsonObject().getJsonObject("leaders").containsKey("value"))
                    .isTrue());
    List<JsonObject> lorenz =
        leaders.getJsonArray("lorenz").stream().map(JsonValue::asJsonObject).toList();
    assertThat(lorenz).hasSize(11);
    for (int k = 0; k <= 10; k++) {
      JsonObject point = lorenz.get(k);
      assertThat(point.getJsonNumber("leaderShare").doubleValue()).isEqualTo(k / 10.0);
      double share = point.getJsonNumber("interviewShare").doubleValue();
      assertThat(share).as("below the diagonal at " + k).isBetween(0.0, k / 10.0);
      if (k > 0) {
        assertThat(share)
            .as("never falling")
            .isGreaterThanOrEqualTo(
                lorenz.get(k - 1).getJsonNumber("interviewShare").doubleValue());
      }
    }
    assertThat(lorenz.get(10).getJsonNumber("interviewShare").doubleValue()).isEqualTo(1.0);
    assertThat(leaders.getJsonObject("gini").getJsonNumber("value").doubleValue())
        .isStrictlyBetween(0.0, 1.0);
  }

  @Test
  void everyReportAnswersCsvWithSuppressedCellsNamedAndNoNumbersInTheirPlace() {
    for (String report :
        List.of("pipeline", "flows", "leaders", "mobility", "talent-pool", "audit")) {
      Api.Reply csv =
          api.send(
              "hana", "GET", "api/reports/" + report, null, null, Map.of("Accept", "text/csv"));
      assertThat(csv.status()).as(report).isEqualTo(200);
      assertThat(csv.contentType()).as(report).startsWith("text/csv");
      assertThat(csv.header("Content-Disposition").orElseThrow()).contains("attachment");
      assertThat(csv.body().lines().count()).as(report).isGreaterThanOrEqualTo(1);
    }
    Api.Reply flows =
        api.send("hana", "GET", "api/reports/flows", null, null, Map.of("Accept", "text/csv"));
    JsonObject json = api.get("hana", "api/reports/flows").json();
    // Every figure: the cells, the rows' and the columns' totals, the grand total.
    List<JsonValue> figures = new java.util.ArrayList<>();
    json.getJsonArray("rows").stream()
        .map(JsonValue::asJsonObject)
        .forEach(
            row -> {
              figures.addAll(row.getJsonArray("cells"));
              figures.add(row.get("total"));
            });
    figures.addAll(json.getJsonArray("columnTotals"));
    figures.add(json.get("total"));
    long suppressed =
        figures.stream().filter(f -> f.asJsonObject().containsKey("suppressed")).count();
    assertThat(flows.body().split("suppressed", -1).length - 1).isEqualTo((int) suppressed);
  }

  @Test
  void noFlowCellRowOrColumnLetsASuppressedCellBeWorkedBack() {
    JsonObject flows = api.get("hana", "api/reports/flows").json();
    int size = flows.getJsonArray("divisions").size();
    boolean[][] hidden = new boolean[size + 1][size + 1];
    for (int r = 0; r < size; r++) {
      JsonObject row = flows.getJsonArray("rows").getJsonObject(r);
      for (int c = 0; c < size; c++) {
        hidden[r][c] = row.getJsonArray("cells").getJsonObject(c).containsKey("suppressed");
      }
      hidden[r][size] = row.getJsonObject("total").containsKey("suppressed");
    }
    for (int c = 0; c < size; c++) {
      hidden[size][c] =
          flows.getJsonArray("columnTotals").getJsonObject(c).containsKey("suppressed");
    }
    hidden[size][size] = flows.getJsonObject("total").containsKey("suppressed");
    for (int line = 0; line <= size; line++) {
      int inRow = 0;
      int inColumn = 0;
      for (int other = 0; other <= size; other++) {
        inRow += hidden[line][other] ? 1 : 0;
        inColumn += hidden[other][line] ? 1 : 0;
      }
      assertThat(inRow).as("row " + line).isNotEqualTo(1);
      assertThat(inColumn).as("column " + line).isNotEqualTo(1);
    }
  }

  @Test
  void employeesAndLeadersAreRefusedEveryReport() {
    for (String report :
        List.of("pipeline", "flows", "leaders", "mobility", "talent-pool", "audit")) {
      assertProblem(api.get("ava", "api/reports/" + report), 403, "forbidden");
      assertProblem(api.get("leo", "api/reports/" + report), 403, "forbidden");
    }
  }

  @Test
  void badFiltersAreRefusedByNameAndNotAudited() throws SQLException {
    long before = auditRows();
    assertField(api.get("hana", "api/reports/pipeline?from=2026-05-01&to=2026-04-30"), "from");
    assertField(api.get("hana", "api/reports/pipeline?from=2016-01-01&to=2026-04-30"), "from");
    // Two periods a day apart would differ by one day's events: only whole months.
    assertField(api.get("hana", "api/reports/pipeline?from=2026-01-02&to=2026-04-30"), "from");
    assertField(api.get("hana", "api/reports/leaders?from=2026-01-01&to=2026-04-29"), "to");
    assertField(api.get("hana", "api/reports/flows?from=2026-01&to=2026-13"), "to");
    assertField(api.get("hana", "api/reports/flows?to=yesterday"), "to");
    assertField(api.get("hana", "api/reports/leaders?divisionId=42"), "divisionId");
    assertField(api.get("hana", "api/reports/mobility?months=0"), "months");
    assertField(api.get("hana", "api/reports/mobility?months=many"), "months");
    assertField(api.get("hana", "api/reports/talent-pool?topic=" + "x".repeat(61)), "topic");
    assertField(api.get("hana", "api/reports/pipeline?to=%2B999999999-12-31"), "to");
    assertField(api.get("hana", "api/reports/flows?from=0001-01-01"), "from");
    assertField(api.get("hana", "api/reports/leaders?to=-999999999-01-01"), "to");
    assertField(api.get("hana", "api/reports/audit?limit=many"), "limit");
    assertField(api.get("hana", "api/reports/talent-pool?limit=0"), "limit");
    assertField(api.get("hana", "api/reports/talent-pool?limit=501"), "limit");
    assertField(api.get("hana", "api/reports/talent-pool?offset=-1"), "offset");
    assertField(api.get("hana", "api/reports/monthly?month=0001-01"), "month");
    assertThat(auditRows()).isEqualTo(before);
  }

  @Test
  void aDivisionFilterThatIsolatesFewerThanFivePeopleSuppressesEverything() {
    String nowhere = UUID.randomUUID().toString();
    JsonObject pipeline = api.get("hana", "api/reports/pipeline?divisionId=" + nowhere).json();
    assertThat(pipeline.getBoolean("allSuppressed")).isTrue();
    assertThat(pipeline.getJsonArray("funnel"))
        .allSatisfy(
            stage ->
                assertThat(stage.asJsonObject().getJsonObject("count").containsKey("value"))
                    .isFalse());
    JsonObject leaders = api.get("hana", "api/reports/leaders?divisionId=" + nowhere).json();
    assertThat(leaders.getBoolean("allSuppressed")).isTrue();
    assertThat(leaders.getJsonObject("eligibleLeaders").getBoolean("suppressed")).isTrue();
    JsonObject pool = api.get("hana", "api/reports/talent-pool?divisionId=" + nowhere).json();
    assertThat(pool.getBoolean("allSuppressed")).isTrue();
    assertThat(pool.getJsonArray("employees")).isEmpty();
  }

  @Test
  void theTalentPoolListsExactlyTheFlaggedEmployeesWhoConsentedAndNoNotes() throws SQLException {
    JsonObject pool = api.get("hana", "api/reports/talent-pool?limit=500").json();
    List<String> listed =
        pool.getJsonArray("employees").stream()
            .map(entry -> entry.asJsonObject().getJsonObject("employee").getString("id"))
            .sorted()
            .toList();
    List<String> consented =
        ids(
            "select distinct f.employee_id from leader_feedback f join talent_consent c"
                + " on c.employee_id = f.employee_id and c.visible_to_hr"
                + " join person p on p.id = f.employee_id and p.active"
                + " where f.talent_pool");
    List<String> refused =
        ids(
            "select distinct f.employee_id from leader_feedback f join person p on p.id ="
                + " f.employee_id where f.talent_pool and not exists (select 1 from"
                + " talent_consent c where c.employee_id = f.employee_id and c.visible_to_hr)");
    assertThat(listed).isEqualTo(consented).isNotEmpty();
    assertThat(refused).isNotEmpty().doesNotContainAnyElementsOf(listed);
    assertThat(pool.toString()).doesNotContain("\"note\"");
  }

  @Test
  void theTalentPoolIsReadAPageAtATimeByNameAndDownloadedWhole() {
    JsonObject whole = api.get("hana", "api/reports/talent-pool?limit=500").json();
    int total = whole.getInt("total");
    assertThat(whole.getJsonArray("employees")).hasSize(total);
    assertThat(total).as("enough people for three pages").isGreaterThan(6);

    List<JsonObject> paged = new java.util.ArrayList<>();
    for (int offset = 0; offset < total; offset += 3) {
      JsonObject page = api.get("hana", "api/reports/talent-pool?limit=3&offset=" + offset).json();
      assertThat(page.getInt("total")).isEqualTo(total);
      assertThat(page.getJsonArray("employees")).hasSize(Math.min(3, total - offset));
      page.getJsonArray("employees").forEach(entry -> paged.add(entry.asJsonObject()));
    }
    assertThat(paged).isEqualTo(whole.getJsonArray("employees"));
    assertThat(
            api.get("hana", "api/reports/talent-pool?limit=3&offset=" + total)
                .json()
                .getJsonArray("employees"))
        .as("past the last page")
        .isEmpty();
    assertThat(
            api.get("hana", "api/reports/talent-pool?limit=3&offset=" + (total + 10))
                .json()
                .getInt("total"))
        .isEqualTo(total);

    // The download holds every flag of the pool, whatever page was asked for.
    long flags =
        whole.getJsonArray("employees").stream()
            .mapToLong(entry -> entry.asJsonObject().getJsonArray("flags").size())
            .sum();
    Api.Reply csv =
        api.send(
            "hana",
            "GET",
            "api/reports/talent-pool?limit=1&offset=2",
            null,
            null,
            Map.of("Accept", "text/csv"));
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.body().lines().count()).as("a header and a line per flag").isEqualTo(flags + 1);
  }

  @Test
  void noMessageNoteInterestOrGoalReachesAnyReportInAnyFormat() throws SQLException {
    List<String> secrets = new java.util.ArrayList<>();
    secrets.addAll(texts("select intro from interview_request where length(intro) > 20 limit 20"));
    secrets.addAll(texts("select message from thank_you where length(message) > 20 limit 20"));
    secrets.addAll(
        texts("select note from leader_feedback where note is not null and length(note) > 20"));
    secrets.addAll(texts("select goals from interest where length(goals) > 20 limit 20"));
    assertThat(secrets).hasSizeGreaterThan(20);
    StringBuilder everything = new StringBuilder();
    for (String report : List.of("pipeline", "flows", "leaders", "mobility", "talent-pool")) {
      everything.append(api.get("hana", "api/reports/" + report).body());
      everything.append(
          api.send("hana", "GET", "api/reports/" + report, null, null, Map.of("Accept", "text/csv"))
              .body());
    }
    for (String secret : secrets) {
      assertThat(everything.toString()).doesNotContain(secret);
    }
  }

  @Test
  void everyReadIsAuditedWithItsFiltersAndTalentPoolReadsAreMarked() {
    String from = YearMonth.now(ZoneOffset.UTC).minusMonths(1).atDay(1).toString();
    api.get("hana", "api/reports/leaders?from=" + from);
    api.get("hana", "api/reports/talent-pool?topic=Negotiation");
    JsonObject audit = api.get("hana", "api/reports/audit?limit=5").json();
    List<JsonObject> items =
        audit.getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
    JsonObject talent = items.get(0);
    assertThat(talent.getString("report")).isEqualTo("talent-pool");
    assertThat(talent.getString("filters")).isEqualTo("topic=Negotiation&limit=100&offset=0");
    assertThat(talent.getBoolean("talentPool")).isTrue();
    assertThat(talent.getJsonObject("reader").getString("displayName")).isNotBlank();
    JsonObject leaders = items.get(1);
    assertThat(leaders.getString("report")).isEqualTo("leaders");
    assertThat(leaders.getString("filters")).startsWith("from=" + from + "&to=");
    assertThat(leaders.getString("format")).isEqualTo("json");
    assertThat(leaders.getBoolean("talentPool")).isFalse();

    // A topic cannot pass for other filters in the audit.
    String forged = "x&divisionId=" + UUID.randomUUID() + "&limit=1";
    api.get(
        "hana",
        "api/reports/talent-pool?topic=" + URLEncoder.encode(forged, StandardCharsets.UTF_8));
    JsonObject read =
        api.get("hana", "api/reports/audit?limit=1").json().getJsonArray("items").getJsonObject(0);
    assertThat(read.getString("filters"))
        .isEqualTo(
            "topic=" + URLEncoder.encode(forged, StandardCharsets.UTF_8) + "&limit=100&offset=0");
  }

  @Test
  void csvAndPdfReadsAreAuditedWithTheirReportFiltersAndReaderAndTalentPoolReadsAreMarked() {
    String hana = api.get("hana", "api/me").string("id");
    String division = api.get("hana", "api/divisions").array().getJsonObject(0).getString("id");
    YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    Map<String, String> csv = Map.of("Accept", "text/csv");
    String leaders =
        "api/reports/leaders?from="
            + month.minusMonths(2)
            + "&to="
            + month
            + "&divisionId="
            + division;

    JsonObject read =
        newAuditEntry(() -> api.send("hana", "GET", leaders, null, null, csv), "text/csv");
    assertThat(read.getString("report")).isEqualTo("leaders");
    assertThat(read.getString("filters"))
        .isEqualTo(
            "from="
                + month.minusMonths(2).atDay(1)
                + "&to="
                + month.atEndOfMonth()
                + "&divisionId="
                + division);
    assertThat(read.getString("format")).isEqualTo("csv");
    assertThat(read.getBoolean("talentPool")).isFalse();
    assertThat(read.getJsonObject("reader").getString("id")).isEqualTo(hana);

    read =
        newAuditEntry(
            () ->
                api.send(
                    "hana",
                    "GET",
                    "api/reports/monthly?month=" + month,
                    null,
                    null,
                    Map.of("Accept", "application/pdf")),
            "application/pdf");
    assertThat(read.getString("report")).isEqualTo("monthly");
    assertThat(read.getString("filters")).isEqualTo("month=" + month);
    assertThat(read.getString("format")).isEqualTo("pdf");
    assertThat(read.getBoolean("talentPool")).isFalse();
    assertThat(read.getJsonObject("reader").getString("id")).isEqualTo(hana);

    read =
        newAuditEntry(
            () ->
                api.send(
                    "hana", "GET", "api/reports/talent-pool?topic=Negotiation", null, null, csv),
            "text/csv");
    assertThat(read.getString("report")).isEqualTo("talent-pool");
    assertThat(read.getString("filters")).isEqualTo("topic=Negotiation");
    assertThat(read.getString("format")).isEqualTo("csv");
    assertThat(read.getBoolean("talentPool")).isTrue();
    assertThat(read.getJsonObject("reader").getString("id")).isEqualTo(hana);
  }

  /**
   * The one entry a read adds to the audit: the audit is listed before and after it, and holds
   * exactly two more entries, the read's (newest) and the first listing's.
   */
  private JsonObject newAuditEntry(Supplier<Api.Reply> read, String type) {
    int before = api.get("hana", "api/reports/audit?limit=1").json().getInt("total");
    Api.Reply reply = read.get();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith(type);
    JsonObject audit = api.get("hana", "api/reports/audit?limit=2").json();
    assertThat(audit.getInt("total"))
        .as("entries added by a listing and the read")
        .isEqualTo(before + 2);
    JsonObject listing = audit.getJsonArray("items").getJsonObject(1);
    assertThat(listing.getString("report")).isEqualTo("audit");
    return audit.getJsonArray("items").getJsonObject(0);
  }

  @Test
  void theAuditCannotBeRewrittenEvenWithDirectDatabaseAccess() throws SQLException {
    api.get("hana", "api/reports/flows");
    try (Connection connection = TestEnvironment.database();
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeUpdate("update report_read set report = 'x'"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> statement.executeUpdate("delete from report_read"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> statement.executeUpdate("truncate table report_read"))
          .hasMessageContaining("append-only");
    }
  }

  private long auditRows() throws SQLException {
    try (Connection connection = TestEnvironment.database();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from report_read")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static List<String> texts(String sql) throws SQLException {
    return ids(sql);
  }

  private static List<String> ids(String sql) throws SQLException {
    try (Connection connection = TestEnvironment.database();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<String> ids = new java.util.ArrayList<>();
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
      return ids.stream().sorted().toList();
    }
  }

  private static void assertField(Api.Reply reply, String field) {
    assertProblem(reply, 400, "validation-failed");
    assertThat(reply.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo(field);
  }

  private static long value(JsonObject figure) {
    return figure.getJsonNumber("value").longValue();
  }
}
