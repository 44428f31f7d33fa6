package io.crossroads.it;

import static io.crossroads.it.ApiAssertions.assertProblem;
import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HR imports an HRIS export as CSV: joiners, changes, division moves with their date, leavers on a
 * full export, row errors by line with nothing changed. On a database of its own, because a full
 * export deactivates everyone it does not list.
 */
class DirectoryImportIT {

  static final String DATABASE = "directory_import";
  static final String HEADER =
      "username,displayName,email,division,title,level,manager,timeZone,leader,hr,movedOn";
  static PayaraMicroProcess payara;
  static Api api;
  static String url;

  @BeforeAll
  static void start() throws Exception {
    url = TestEnvironment.freshDatabase(DATABASE);
    int port = PayaraMicroProcess.freePort();
    api = new Api(URI.create("http://127.0.0.1:" + port + "/"));
    payara =
        PayaraMicroProcess.start(
            Path.of(System.getProperty("crossroads.it.work"), "directory"),
            port,
            "directory",
            Map.of(
                "crossroads.db.url",
                url,
                "crossroads.demo.enabled",
                "true",
                "crossroads.demo.size",
                "40",
                "crossroads.jobs.recovery-interval",
                "PT3S",
                "crossroads.jobs.division-stamps-interval",
                "PT2S"));
    payara.awaitReady(api, Duration.ofMinutes(5));
  }

  @AfterAll
  static void stop() throws Exception {
    if (payara != null) {
      payara.close();
    }
  }

  static String csv(String... lines) {
    return HEADER + "\n" + String.join("\n", lines) + "\n";
  }

  static String person(String username, String division, String manager, String movedOn) {
    return username
        + ","
        + username.replace('.', ' ')
        + ","
        + username
        + "@example.com,"
        + division
        + ",Analyst,4,"
        + (manager == null ? "" : manager)
        + ",Europe/Berlin,false,false,"
        + (movedOn == null ? "" : movedOn);
  }

  static Api.Reply upload(String user, String csv, String query) {
    return api.send(user, "POST", "api/directory/import" + query, csv, "text/csv", Map.of());
  }

  static JsonObject awaitFinished(Api.Reply accepted) {
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
    String job = accepted.string("jobId");
    assertThat(accepted.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/jobs/" + job));
    return await("the import finished")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> api.get("hana", "api/jobs/" + job).json(),
            state -> List.of("DONE", "FAILED").contains(state.getString("status")));
  }

  static int people() throws SQLException {
    try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
        Statement s = db.createStatement();
        ResultSet r = s.executeQuery("select count(*) from person")) {
      r.next();
      return r.getInt(1);
    }
  }

  @Test
  void anExportCreatesPeopleAndDivisionsAndTheSameFileAgainChangesNothing() throws Exception {
    String file =
        csv(
            person("joe.kern", "Treasury Ops", null, null),
            person("liv.moss", "Treasury Ops", "joe.kern", null),
            person("max.roth", "Finance", "joe.kern", null));
    JsonObject first = awaitFinished(upload("hana", file, ""));
    assertThat(first.getString("status")).as(first.toString()).isEqualTo("DONE");
    assertThat(first.getString("summary")).startsWith("3 created, 0 updated, 0 moved division");
    assertThat(first.getJsonObject("progress").getInt("done"))
        .isEqualTo(first.getJsonObject("progress").getInt("total"));
    assertThat(
            api.get("hana", "api/divisions").array().stream()
                .map(d -> ((JsonObject) d).getString("name")))
        .contains("Treasury Ops");
    JsonObject liv = api.get("hana", "api/people?q=liv").items().getJsonObject(0);
    assertThat(
            api.get("hana", "api/people/" + liv.getString("id")).json().getString("divisionName"))
        .isEqualTo("Treasury Ops");

    JsonObject again = awaitFinished(upload("hana", file, ""));
    assertThat(again.getString("summary"))
        .isEqualTo("0 created, 0 updated, 0 moved division, 0 deactivated, 3 unchanged");
  }

  @Test
  void aDivisionChangeIsRecordedAsAnInternalMoveWithItsDate() throws Exception {
    awaitFinished(upload("hana", csv(person("ada.brook", "Finance", null, null)), ""));
    JsonObject moved =
        awaitFinished(upload("hana", csv(person("ada.brook", "Sales", null, "2026-10-01")), ""));
    assertThat(moved.getString("summary")).startsWith("0 created, 1 updated, 1 moved division");
    try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
        PreparedStatement select =
            db.prepareStatement(
                "select f.name, t.name, m.moved_on from internal_move m"
                    + " join person p on p.id = m.person_id join division f on f.id = m.from_division"
                    + " join division t on t.id = m.to_division where p.username = 'ada.brook'");
        ResultSet r = select.executeQuery()) {
      assertThat(r.next()).isTrue();
      assertThat(r.getString(1)).isEqualTo("Finance");
      assertThat(r.getString(2)).isEqualTo("Sales");
      assertThat(r.getDate(3).toLocalDate()).isEqualTo(java.time.LocalDate.of(2026, 10, 1));
      assertThat(r.next()).isFalse();
    }
  }

  @Test
  void aMoveRecordedAfterTheFactPutsTheMoversLaterInterviewsInTheDivisionTheyMovedTo()
      throws Exception {
    // Someone of the demo who held interviews on at least two days, with the line that lists them.
    String username;
    String line;
    String before;
    List<LocalDate> days = new ArrayList<>();
    try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
        Statement s = db.createStatement()) {
      s.execute("set time zone 'UTC'");
      try (ResultSet r =
          s.executeQuery(
              "select p.username, d.name from person p join division d on d.id = p.division_id"
                  + " where p.active and not p.leader and not p.hr and (select count(distinct"
                  + "  cast(i.start_at as date)) from interview i where i.employee_id = p.id"
                  + "  and i.status = 'HELD') >= 2"
                  + " and not exists (select 1 from internal_move x where x.person_id = p.id)"
                  + " order by p.username fetch first 1 row only")) {
        assertThat(r.next()).as("a demo employee who held interviews on two days").isTrue();
        username = r.getString(1);
        before = r.getString(2);
      }
      line = line(username);
      try (PreparedStatement held =
          db.prepareStatement(
              "select distinct cast(i.start_at as date) from interview i"
                  + " join person p on p.id = i.employee_id"
                  + " where p.username = ? and i.status = 'HELD' order by 1")) {
        held.setString(1, username);
        try (ResultSet r = held.executeQuery()) {
          while (r.next()) {
            days.add(r.getDate(1).toLocalDate());
          }
        }
      }
    }
    String after = before.equals("Sales") ? "Finance" : "Sales";
    // The job stamps their interviews with the division they have always been in.
    await("the interviews are stamped")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> stamps(username).values().stream().allMatch(before::equals));

    // HR learns only now that they moved on the day of their last interview.
    LocalDate movedOn = days.get(days.size() - 1);
    JsonObject moved = awaitFinished(upload("hana", csv(line.formatted(after, movedOn)) + "", ""));
    assertThat(moved.getString("status")).as(moved.toString()).isEqualTo("DONE");
    assertThat(moved.getString("summary")).contains("1 moved division");

    await("the interviews are stamped again from the move")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () ->
                assertThat(stamps(username))
                    .allSatisfy(
                        (day, division) ->
                            assertThat(division)
                                .as("the division on " + day)
                                .isEqualTo(day.isBefore(movedOn) ? before : after)));
  }

  /**
   * The import line that lists this person as the directory has them, with {@code %s} for the
   * division and for the day of the move; quoted, as a spreadsheet writes names with commas.
   */
  private static String line(String username) throws SQLException {
    try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
        PreparedStatement select =
            db.prepareStatement(
                "select p.username, p.display_name, p.email, p.title, p.level, m.username,"
                    + " p.time_zone from person p left join person m on m.id = p.manager_id"
                    + " where p.username = ?")) {
      select.setString(1, username);
      try (ResultSet r = select.executeQuery()) {
        assertThat(r.next()).as(username).isTrue();
        return Stream.of(
                r.getString(1),
                r.getString(2),
                r.getString(3),
                "%s",
                r.getString(4),
                Integer.toString(r.getInt(5)),
                r.getString(6) == null ? "" : r.getString(6),
                r.getString(7),
                "false",
                "false",
                "%s")
            .map(field -> '"' + field.replace("\"", "\"\"") + '"')
            .collect(joining(","));
      }
    }
  }

  @Test
  void theJobCountsEveryRequestAndInterviewOnceByItsLeaderAndMonth() throws Exception {
    // The demo's requests and interviews were written in batches behind the job's back; the job
    // folds them in.
    await("every request and interview is counted")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                single(
                        "select (select count(*) from interview_request where counted = false)"
                            + " + (select count(*) from interview where counted = false)"
                            + " + (select count(*) from interview where status = 'HELD'"
                            + " and held_counted = false)")
                    == 0);
    assertThat(single("select count(*) from leader_month_request where held > 0"))
        .as("leader-months with held interviews")
        .isPositive();
    // Every leader-month's counts equal its requests, the interviews booked in it and those held
    // in it, worked out here from the rows.
    assertThat(
            single(
                "select count(*) from (select leader_id, period, sum(requests) as requests,"
                    + " sum(accepted) as accepted, sum(held) as held from ("
                    + " select leader_id, to_char(created_at, 'YYYY-MM') as period, 1 as requests,"
                    + " 0 as accepted, 0 as held from interview_request"
                    + " union all select leader_id, to_char(created_at, 'YYYY-MM'), 0, 1, 0"
                    + " from interview"
                    + " union all select leader_id, to_char(start_at, 'YYYY-MM'), 0, 0, 1"
                    + " from interview where status = 'HELD') r group by 1, 2) q"
                    + " full join leader_month_request c"
                    + " on c.leader_id = q.leader_id and c.period = q.period"
                    + " where c.requests is distinct from q.requests"
                    + " or c.accepted is distinct from q.accepted"
                    + " or c.held is distinct from q.held"))
        .as("leader-months whose counts differ from their rows")
        .isZero();
  }

  /** The one number a query answers, read with UTC days and months. */
  private static long single(String query) throws SQLException {
    try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
        Statement s = db.createStatement()) {
      s.execute("set time zone 'UTC'");
      try (ResultSet r = s.executeQuery(query)) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  @Test
  void anInterviewMovedPastTheEmployeesComingMoveTakesTheDivisionTheyWillBeIn() throws Exception {
    // An employee outside Leo's division who never met anyone, and a division for them that is
    // neither theirs nor Leo's; then two of Leo's open slots on different days.
    JsonObject leoMe = api.get("leo", "api/me").json();
    String leo = leoMe.getString("id");
    String leoDivision = leoMe.getString("divisionName");
    String username;
    try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
        Statement s = db.createStatement();
        ResultSet r =
            s.executeQuery(
                // A demo employee (who can sign in) in Leo's level band, who never met anyone and
                // never moved.
                "select p.username from person p join credential c on c.person_id = p.id"
                    + " where p.active and not p.leader and not p.hr and p.level >= 4"
                    + " and p.division_id <> (select division_id from person where username = 'leo')"
                    + " and not exists (select 1 from interview i where i.employee_id = p.id)"
                    + " and not exists (select 1 from interview_request q"
                    + "  where q.requester_id = p.id)"
                    + " and not exists (select 1 from internal_move x where x.person_id = p.id)"
                    + " order by p.username desc fetch first 1 row only")) {
      assertThat(r.next()).as("a demo employee outside Leo's division").isTrue();
      username = r.getString(1);
    }
    String before = api.get(username, "api/me").string("divisionName");
    String after =
        Stream.of("Sales", "Finance", "Product")
            .filter(name -> !name.equals(before) && !name.equals(leoDivision))
            .findFirst()
            .orElseThrow();
    String line = line(username);
    Slots slots = new Slots(api, username, leo, Instant.now().plus(Duration.ofDays(1)));
    Instant first = slots.next();
    Instant other = slots.next();
    Instant later = slots.next();
    while (!later
        .atOffset(ZoneOffset.UTC)
        .toLocalDate()
        .isAfter(first.atOffset(ZoneOffset.UTC).toLocalDate())) {
      later = slots.next();
    }
    Api.Reply sent =
        api.post(username, "api/requests", RequestBodies.body(leo, List.of(first, other)));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    Api.Reply accepted =
        api.post(
            "leo",
            "api/requests/" + sent.string("id") + "/accept",
            Api.json("start", first.toString()));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    String interview = accepted.string("interviewId");
    awaitStamp("the interview is stamped", interview, before);

    // HR records a move that takes effect on the day of the later slot.
    LocalDate movesOn = later.atOffset(ZoneOffset.UTC).toLocalDate();
    JsonObject moved = awaitFinished(upload("hana", csv(line.formatted(after, movesOn)), ""));
    assertThat(moved.getString("status")).as(moved.toString()).isEqualTo("DONE");
    assertThat(moved.getString("summary")).contains("1 moved division");
    awaitStamp(
        "the interview, before the move, is stamped again with the division they are leaving",
        interview,
        before);

    Api.Reply rescheduled =
        api.post(
            username,
            "api/interviews/" + interview + "/reschedule",
            Api.json("start", later.toString(), "reason", "After my move"));
    assertThat(rescheduled.status()).as(rescheduled.toString()).isEqualTo(200);
    awaitStamp(
        "the interview, now on the day of the move, is stamped with the division they join",
        interview,
        after);
  }

  private static void awaitStamp(String what, String interview, String division) {
    await(what)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> division.equals(stamp(interview)));
  }

  /** The employee's division stamped on an interview (null: none yet). */
  private static String stamp(String interview) throws SQLException {
    try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
        PreparedStatement select =
            db.prepareStatement(
                "select d.name from interview i left join division d"
                    + " on d.id = i.employee_division_id where i.id = ?")) {
      select.setObject(1, UUID.fromString(interview));
      try (ResultSet r = select.executeQuery()) {
        assertThat(r.next()).as(interview).isTrue();
        return r.getString(1);
      }
    }
  }

  /** The division stamped on each held interview of the employee, by its day (null: none yet). */
  private static Map<LocalDate, String> stamps(String username) throws SQLException {
    Map<LocalDate, String> stamps = new java.util.TreeMap<>();
    try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
        Statement s = db.createStatement()) {
      s.execute("set time zone 'UTC'");
      try (ResultSet r =
          s.executeQuery(
              "select cast(i.start_at as date), d.name from interview i"
                  + " join person p on p.id = i.employee_id"
                  + " left join division d on d.id = i.employee_division_id"
                  + " where p.username = '"
                  + username
                  + "' and i.status = 'HELD'")) {
        while (r.next()) {
          stamps.merge(
              r.getDate(1).toLocalDate(),
              r.getString(2) == null ? "(none)" : r.getString(2),
              (a, b) -> a.equals(b) ? a : a + "|" + b);
        }
      }
    }
    return stamps;
  }

  @Test
  void aFileWithErrorsNamesEachLineAndChangesNothing() throws Exception {
    int before = people();
    String file =
        HEADER
            + "\n"
            + person("ok.person", "Finance", null, null)
            + "\n"
            + "bad.level,Bad Level,bad@example.com,Finance,Analyst,eleven,,Europe/Berlin,false,false,\n"
            + "bad.zone,Bad Zone,bad@example.com,Finance,Analyst,4,,Mars/Olympus,false,false,\n"
            + person("no.boss", "Finance", "nobody.at.all", null)
            + "\n"
            + person("ok.person", "Sales", null, null)
            + "\n";
    JsonObject failed = awaitFinished(upload("hana", file, ""));
    assertThat(failed.getString("status")).isEqualTo("FAILED");
    assertThat(failed.getString("error")).contains("nothing was changed");
    List<String> errors = new ArrayList<>();
    failed
        .getJsonArray("errors")
        .forEach(
            e ->
                errors.add(
                    ((JsonObject) e).getInt("line")
                        + ":"
                        + ((JsonObject) e).getString("field", "")));
    assertThat(errors).containsExactlyInAnyOrder("3:level", "4:timeZone", "6:username");
    assertThat(people()).isEqualTo(before);

    // The manager is checked against the file and the directory once every line reads well.
    JsonObject unknownManager =
        awaitFinished(upload("hana", csv(person("no.boss", "Finance", "nobody.at.all", null)), ""));
    assertThat(unknownManager.getString("status")).isEqualTo("FAILED");
    assertThat(unknownManager.getJsonArray("errors").getJsonObject(0).getInt("line")).isEqualTo(2);
    assertThat(unknownManager.getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("manager");
    JsonObject loop =
        awaitFinished(
            upload(
                "hana",
                csv(
                    person("loop.a", "Finance", "loop.b", null),
                    person("loop.b", "Finance", "loop.a", null)),
                ""));
    assertThat(loop.getString("status")).isEqualTo("FAILED");
    assertThat(people()).isEqualTo(before);
  }

  @Test
  void aFullExportDeactivatesWhoeverItLeavesOutButKeepsThemForHistory() throws Exception {
    awaitFinished(
        upload(
            "hana",
            csv(
                person("stays.here", "Finance", null, null),
                person("leaves.soon", "Finance", null, null)),
            ""));
    // A demo employee no other test signs in as has a request waiting for Leo when they leave.
    String leaver = new DemoPeople(api, "Engineering").take();
    String leo = api.get("leo", "api/me").string("id");
    Slots slots = new Slots(api, leaver, leo, Instant.now().plus(Duration.ofDays(3)));
    Api.Reply waiting =
        api.post(
            leaver, "api/requests", RequestBodies.body(leo, List.of(slots.next(), slots.next())));
    assertThat(waiting.status()).as(waiting.toString()).isEqualTo(201);

    JsonObject full =
        awaitFinished(upload("hana", everyoneActiveExcept("leaves.soon", leaver), "?full=true"));
    assertThat(full.getString("status")).as(full.toString()).isEqualTo("DONE");
    assertThat(full.getString("summary"))
        .startsWith("0 created, 0 updated, 0 moved division, 2 deactivated");
    try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
        PreparedStatement select =
            db.prepareStatement(
                "select username, active from person"
                    + " where username in ('stays.here', 'leaves.soon', 'hana', ?) order by username")) {
      select.setString(1, leaver);
      Map<String, Boolean> active = new java.util.HashMap<>();
      try (ResultSet r = select.executeQuery()) {
        while (r.next()) {
          active.put(r.getString(1), r.getBoolean(2));
        }
      }
      assertThat(active)
          .containsEntry("stays.here", true)
          .containsEntry("leaves.soon", false)
          .containsEntry("hana", true)
          .containsEntry(leaver, false);
    }
    // Left out without a leaving day: they left on the day of the import.
    assertThat(leftOn("leaves.soon")).isEqualTo(LocalDate.now(ZoneOffset.UTC));
    assertThat(leftOn(leaver)).isEqualTo(LocalDate.now(ZoneOffset.UTC));
    assertThat(leftOn("stays.here")).isNull();
    assertThat(api.get("hana", "api/me").status()).isEqualTo(200);
    assertThat(api.get(leaver, "api/me").status()).as(leaver + " was left out").isEqualTo(401);
    try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
        PreparedStatement select =
            db.prepareStatement(
                "select r.status, e.note from interview_request r"
                    + " join request_event e on e.request_id = r.id where r.id = ? order by e.at desc")) {
      select.setObject(1, UUID.fromString(waiting.string("id")));
      try (ResultSet r = select.executeQuery()) {
        assertThat(r.next()).isTrue();
        assertThat(r.getString(1)).isEqualTo("WITHDRAWN");
        assertThat(r.getString(2)).contains("left the company");
      }
    }
  }

  @Test
  void aLineThatMarksSomeoneInactiveClosesTheirOpenRequestsLikeALeaver() throws Exception {
    String inactive = new DemoPeople(api, "Engineering").take();
    String leo = api.get("leo", "api/me").string("id");
    Slots slots = new Slots(api, inactive, leo, Instant.now().plus(Duration.ofDays(3)));
    Api.Reply waiting =
        api.post(
            inactive, "api/requests", RequestBodies.body(leo, List.of(slots.next(), slots.next())));
    assertThat(waiting.status()).as(waiting.toString()).isEqualTo(201);

    String line;
    try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
        PreparedStatement select =
            db.prepareStatement(
                "select p.username, p.display_name, p.email, d.name, p.title, p.level,"
                    + " m.username, p.time_zone from person p join division d on d.id = p.division_id"
                    + " left join person m on m.id = p.manager_id where p.username = ?")) {
      select.setString(1, inactive);
      try (ResultSet r = select.executeQuery()) {
        assertThat(r.next()).isTrue();
        List<String> fields = new ArrayList<>();
        for (int column = 1; column <= 8; column++) {
          fields.add(quoted(r.getString(column)));
        }
        line = String.join(",", fields) + ",false,false,false";
      }
    }
    JsonObject done =
        awaitFinished(
            upload(
                "hana",
                "username,displayName,email,division,title,level,manager,timeZone,leader,hr,active\n"
                    + line
                    + "\n",
                ""));

    assertThat(done.getString("status")).as(done.toString()).isEqualTo("DONE");
    assertThat(api.get("leo", "api/requests/" + waiting.string("id")).string("status"))
        .isEqualTo("WITHDRAWN");
    assertThat(leftOn(inactive)).isEqualTo(LocalDate.now(ZoneOffset.UTC));
  }

  static final String DATED =
      "username,displayName,email,division,level,timeZone,active,hiredOn,leftOn\n";

  static String dated(String username, String active, String hiredOn, String leftOn) {
    return username
        + ","
        + username.replace('.', ' ')
        + ","
        + username
        + "@example.com,Finance,4,Europe/Berlin,"
        + active
        + ","
        + hiredOn
        + ","
        + leftOn
        + "\n";
  }

  @Test
  void hiringAndLeavingDaysRoundTripAndALeavingDayThatHasComeMeansTheyLeft() throws Exception {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    JsonObject first =
        awaitFinished(
            upload(
                "hana",
                DATED
                    + dated("eve.dated", "", "2018-04-03", "")
                    + dated("gus.dated", "", "2020-06-01", "2026-01-31")
                    + dated("ivy.dated", "", "2021-09-15", today.plusDays(30).toString()),
                ""));
    assertThat(first.getString("status")).as(first.toString()).isEqualTo("DONE");
    assertThat(dates("eve.dated")).containsExactly(true, LocalDate.of(2018, 4, 3), null);
    assertThat(dates("gus.dated"))
        .containsExactly(false, LocalDate.of(2020, 6, 1), LocalDate.of(2026, 1, 31));
    // A leaving day still ahead is kept; they are employed until then.
    assertThat(dates("ivy.dated"))
        .containsExactly(true, LocalDate.of(2021, 9, 15), today.plusDays(30));

    // Marked inactive without a day: the import's day. An empty hiredOn keeps the day held.
    JsonObject second =
        awaitFinished(upload("hana", DATED + dated("eve.dated", "false", "", ""), ""));
    assertThat(second.getString("status")).as(second.toString()).isEqualTo("DONE");
    assertThat(dates("eve.dated")).containsExactly(false, LocalDate.of(2018, 4, 3), today);

    // Coming back clears the leaving day; a rehire brings its new hiring day.
    JsonObject back =
        awaitFinished(
            upload(
                "hana",
                DATED
                    + dated("eve.dated", "true", "", "")
                    + dated("gus.dated", "true", today.minusDays(3).toString(), ""),
                ""));
    assertThat(back.getString("status")).as(back.toString()).isEqualTo("DONE");
    assertThat(dates("eve.dated")).containsExactly(true, LocalDate.of(2018, 4, 3), null);
    assertThat(dates("gus.dated")).containsExactly(true, today.minusDays(3), null);
  }

  @Test
  void daysThatContradictEachOtherOrTheDirectoryAreLineErrors() throws Exception {
    awaitFinished(upload("hana", DATED + dated("kim.dated", "", "2022-02-01", ""), ""));
    JsonObject failed =
        awaitFinished(
            upload(
                "hana",
                DATED
                    + dated("kim.dated", "", "", "2021-12-31")
                    + dated(
                        "lou.dated",
                        "false",
                        "",
                        LocalDate.now(ZoneOffset.UTC).plusDays(9).toString())
                    + dated("max.dated", "", "2024-05-01", "2024-04-30")
                    + dated("ned.dated", "", "yesterday", ""),
                ""));
    assertThat(failed.getString("status")).isEqualTo("FAILED");
    List<String> errors = new ArrayList<>();
    failed
        .getJsonArray("errors")
        .forEach(
            e ->
                errors.add(
                    ((JsonObject) e).getInt("line")
                        + ":"
                        + ((JsonObject) e).getString("field", "")));
    // Lines are checked on their own first; the directory is asked only once they all read well.
    assertThat(errors).containsExactlyInAnyOrder("4:leftOn", "5:hiredOn");
    JsonObject against =
        awaitFinished(
            upload(
                "hana",
                DATED
                    + dated("kim.dated", "", "", "2021-12-31")
                    + dated(
                        "lou.dated",
                        "false",
                        "",
                        LocalDate.now(ZoneOffset.UTC).plusDays(9).toString()),
                ""));
    assertThat(against.getString("status")).isEqualTo("FAILED");
    assertThat(against.getJsonArray("errors"))
        .extracting(
            e -> ((JsonObject) e).getInt("line") + ":" + ((JsonObject) e).getString("field"))
        .containsExactlyInAnyOrder("2:leftOn", "3:leftOn");
    assertThat(dates("kim.dated")).containsExactly(true, LocalDate.of(2022, 2, 1), null);
  }

  @Test
  void aPersonsOwnExportShowsTheirHiringDayWhichOtherEmployeesDoNotSee() throws Exception {
    JsonObject hana = api.get("hana", "api/me/export").json().getJsonObject("person");
    assertThat(LocalDate.parse(hana.getString("hiredOn"))).isBefore(LocalDate.now(ZoneOffset.UTC));
    assertThat(hana.get("leftOn")).isIn(null, jakarta.json.JsonValue.NULL);
    JsonObject seen = api.get("ava", "api/people/" + hana.getString("id")).json();
    assertThat(seen.getString("displayName")).isEqualTo(hana.getString("displayName"));
    assertThat(seen).doesNotContainKeys("hiredOn", "leftOn");
  }

  @Test
  void aLineErrorShowsTheFilesOwnDaysButNeverTheOnesTheDirectoryHolds() throws Exception {
    JsonObject hired =
        awaitFinished(upload("hana", DATED + dated("pia.dated", "", "2019-07-15", ""), ""));
    assertThat(hired.getString("status")).as(hired.toString()).isEqualTo("DONE");
    JsonObject early =
        awaitFinished(upload("hana", DATED + dated("pia.dated", "", "", "2019-01-01"), ""));
    assertThat(early.getString("status")).isEqualTo("FAILED");
    JsonObject leftOn = early.getJsonArray("errors").getJsonObject(0);
    assertThat(leftOn.getString("field")).isEqualTo("leftOn");
    assertThat(leftOn.getString("message"))
        .contains("2019-01-01", "hiring day the directory holds")
        .doesNotContain("2019-07-15");

    JsonObject left =
        awaitFinished(upload("hana", DATED + dated("pia.dated", "false", "", "2019-12-31"), ""));
    assertThat(left.getString("status")).as(left.toString()).isEqualTo("DONE");
    JsonObject late =
        awaitFinished(upload("hana", DATED + dated("pia.dated", "false", "2020-03-01", ""), ""));
    assertThat(late.getString("status")).isEqualTo("FAILED");
    JsonObject hiredOn = late.getJsonArray("errors").getJsonObject(0);
    assertThat(hiredOn.getString("field")).isEqualTo("hiredOn");
    assertThat(hiredOn.getString("message"))
        .contains("2020-03-01", "leaving day the directory holds")
        .doesNotContain("2019-12-31", "2019-07-15");
  }

  @Test
  void hrListsImportsNewestFirstWithWhatEachChangedOrHowManyProblemsItFound() {
    JsonObject done =
        awaitFinished(
            upload(
                "hana",
                csv(
                    person("list.one", "Finance", null, null),
                    person("list.two", "Finance", "list.one", null)),
                ""));
    assertThat(done.getString("status")).as(done.toString()).isEqualTo("DONE");
    JsonObject failed =
        awaitFinished(
            upload("hana", csv(person("list.three", "Finance", "nobody.there", null)), ""));
    assertThat(failed.getString("status")).isEqualTo("FAILED");

    JsonObject page = api.get("hana", "api/jobs?kind=IMPORT&limit=2").json();
    assertThat(page.getJsonArray("items")).hasSize(2);
    JsonObject newest = page.getJsonArray("items").getJsonObject(0);
    assertThat(newest.getString("id")).isEqualTo(failed.getString("id"));
    assertThat(newest.getString("kind")).isEqualTo("IMPORT");
    assertThat(newest.getString("status")).isEqualTo("FAILED");
    assertThat(newest.getInt("problems")).isEqualTo(1);
    assertThat(newest.getString("error")).contains("1 problem", "nothing was changed");
    assertThat(newest).doesNotContainKey("errors");
    assertThat(newest.get("changes")).isIn(null, jakarta.json.JsonValue.NULL);
    JsonObject older = page.getJsonArray("items").getJsonObject(1);
    assertThat(older.getString("id")).isEqualTo(done.getString("id"));
    assertThat(older.getString("status")).isEqualTo("DONE");
    assertThat(older.getInt("problems")).isZero();
    JsonObject changes = older.getJsonObject("changes");
    assertThat(
            List.of(
                changes.getInt("created"),
                changes.getInt("updated"),
                changes.getInt("moved"),
                changes.getInt("deactivated"),
                changes.getInt("unchanged")))
        .containsExactly(2, 0, 0, 0, 0);
    assertThat(older.getJsonObject("progress").getInt("done"))
        .isPositive()
        .isEqualTo(older.getJsonObject("progress").getInt("total"));
    Instant started = Instant.parse(older.getString("startedAt"));
    assertThat(Instant.parse(older.getString("finishedAt"))).isAfterOrEqualTo(started);
    assertThat(Instant.parse(older.getString("createdAt"))).isBeforeOrEqualTo(started);
    // The job itself says the same, with the problems themselves.
    assertThat(done.getJsonObject("changes")).isEqualTo(changes);
    assertThat(failed.getJsonArray("errors")).hasSize(1);

    JsonObject next = api.get("hana", "api/jobs?kind=import&limit=1&offset=1").json();
    assertThat(next.getJsonArray("items"))
        .extracting(j -> ((JsonObject) j).getString("id"))
        .containsExactly(done.getString("id"));
    assertThat(next.getInt("total")).isEqualTo(page.getInt("total"));
    // Nothing here syncs (no Keycloak): every job is an import.
    JsonObject syncs = api.get("hana", "api/jobs?kind=SYNC").json();
    assertThat(syncs.getInt("total")).isZero();
    assertThat(syncs.getJsonArray("items")).isEmpty();
    assertThat(api.get("hana", "api/jobs?limit=500").json().getInt("total"))
        .isEqualTo(page.getInt("total"));
  }

  @Test
  void theListOfJobsIsHrsAloneAndRefusesWhatItCannotRead() {
    assertProblem(api.get("ava", "api/jobs"), 403, "forbidden");
    assertProblem(api.get("leo", "api/jobs?kind=IMPORT"), 403, "forbidden");
    Api.Reply cohort = api.get("hana", "api/jobs?kind=cohort");
    assertProblem(cohort, 400, "validation-failed");
    assertThat(cohort.body()).contains("kind");
    assertProblem(api.get("hana", "api/jobs?limit=0"), 400, "validation-failed");
    assertProblem(api.get("hana", "api/jobs?limit=501"), 400, "validation-failed");
    assertProblem(api.get("hana", "api/jobs?offset=-1"), 400, "validation-failed");
  }

  static LocalDate leftOn(String username) throws SQLException {
    return (LocalDate) dates(username).get(2);
  }

  /** Whether the person is active, their hiring day and their leaving day. */
  static List<Object> dates(String username) throws SQLException {
    try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
        PreparedStatement select =
            db.prepareStatement(
                "select active, hired_on, left_on from person where username = ?")) {
      select.setString(1, username);
      try (ResultSet r = select.executeQuery()) {
        assertThat(r.next()).as(username).isTrue();
        List<Object> dates = new ArrayList<>();
        dates.add(r.getBoolean(1));
        dates.add(r.getObject(2, LocalDate.class));
        dates.add(r.getObject(3, LocalDate.class));
        return dates;
      }
    }
  }

  /**
   * A full export listing every active person as the directory has them, except these: it leaves
   * out only them, so the other tests' people and the demo users stay as they are.
   */
  static String everyoneActiveExcept(String... leavers) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
        PreparedStatement select =
            db.prepareStatement(
                "select p.username, p.display_name, p.email, d.name, p.title, p.level,"
                    + " m.username, p.time_zone, p.leader, p.hr from person p"
                    + " join division d on d.id = p.division_id"
                    + " left join person m on m.id = p.manager_id"
                    + " where p.active and p.username <> all (?) order by p.username")) {
      select.setArray(1, db.createArrayOf("varchar", leavers));
      try (ResultSet r = select.executeQuery()) {
        while (r.next()) {
          List<String> fields = new ArrayList<>();
          for (int column = 1; column <= 8; column++) {
            fields.add(quoted(r.getString(column)));
          }
          fields.add(Boolean.toString(r.getBoolean(9)));
          fields.add(Boolean.toString(r.getBoolean(10)));
          fields.add("");
          lines.add(String.join(",", fields));
        }
      }
    }
    return csv(lines.toArray(String[]::new));
  }

  static String quoted(String field) {
    return field == null ? "" : '"' + field.replace("\"", "\"\"") + '"';
  }

  @Test
  void onlyHrImportsAndBadUploadsAreRefused() {
    assertProblem(upload("ava", csv(person("x.y", "Finance", null, null)), ""), 403, "forbidden");
    assertProblem(
        api.send("hana", "POST", "api/directory/import", "{}", "application/json", Map.of()),
        415,
        "unsupported-media-type");
    assertProblem(upload("hana", "", ""), 400, "validation-failed");
    assertProblem(api.get("hana", "api/jobs/" + UUID.randomUUID()), 404, "not-found");
    assertProblem(api.get("ava", "api/jobs/" + UUID.randomUUID()), 403, "forbidden");
  }
}
