package io.crossroads.it;

import static io.crossroads.it.Api.json;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three Payara Micro instances on one PostgreSQL database, as in production behind a load balancer;
 * the third is killed with SIGKILL in the middle of a booking storm and of a cohort round. The
 * instances boot once for the class (booting is what costs) and the tests run in order on them: the
 * first two while all three live, the storm kills one, the last two run on the survivors.
 *
 * <p>The bounds held, from the instances' settings below:
 *
 * <ul>
 *   <li>A leader who stops accepting is left out of recommendations on every instance from the next
 *       call on: what is recommended is read again from the database. The per-instance pool of
 *       leaders only ranks; a leader accepting again is ranked at once by the instance that took
 *       the change and by the others within twice {@code crossroads.matching.refresh} (2 s here, 30
 *       s by default).
 *   <li>Rules HR changes on one instance apply on the others within {@code
 *       crossroads.program.refresh} (5 s, the default).
 *   <li>A cohort round whose instance died is taken over by a survivor once its heartbeat is {@code
 *       crossroads.jobs.stale-after} old (15 s here, 2 min by default), at the next look every
 *       {@code crossroads.jobs.recovery-interval} (1 s here, 1 min by default).
 * </ul>
 *
 * <p>The instant of the kill is chosen with two table locks of the test's own: the cohort round is
 * held where it reads the employees' interests (so it is running, claimed by the instance about to
 * die, when it dies), and the kill happens while the test holds the outbox table: transactions that
 * reach the outbox wait on that lock, so the killed instance dies with bookings and requests half
 * done.
 *
 * <p>Each instance sends its mail through a relay of its own ({@link SmtpRelay}), which notes what
 * it passed on. A message the killed instance had handed to the SMTP server and not yet recorded
 * sent is sent again by a survivor, with the same Message-ID: no database can prevent that, but it
 * is at most the one message in flight. The last test kills an instance in the middle of a batch of
 * mail and finds the rest of the batch sent by the survivor once the batch's lease ({@code
 * crossroads.mail.lease}, 10 s here) has ended.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeInstancesIT {

  static final Duration BOOT = Duration.ofMinutes(5);
  static final Duration MATCHING_REFRESH = Duration.ofSeconds(2);
  static final Duration PROGRAM_REFRESH = Duration.ofSeconds(5);
  static final Duration STALE_AFTER = Duration.ofSeconds(15);
  static final Duration RECOVERY = Duration.ofSeconds(1);
  static final Duration JOB_INTERVAL = Duration.ofSeconds(2);
  static final Duration MAIL_LEASE = Duration.ofSeconds(10);

  /** The scheduled jobs every instance runs every {@link #JOB_INTERVAL} here. */
  static final List<String> JOBS =
      List.of("interview-reminders", "thank-you-reminders", "contact-digest");

  static final int LEADERS = 4;
  static final int CAP = 4;
  static final int CLIENTS = 72;
  private static final Pattern OUTBOX_ID = Pattern.compile("<([0-9a-f-]{36})@crossroads>");

  private String url;
  private final List<PayaraMicroProcess> servers = new ArrayList<>();
  private final List<Api> apis = new ArrayList<>();
  private final List<SmtpRelay> relays = new ArrayList<>();
  private final Set<Integer> dead = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private Instant killedAt;

  private final List<Person> leaders = new ArrayList<>();
  private final List<Person> employees = new ArrayList<>();
  private String cohortDivision;

  record Person(String id, String username, int level, String divisionId, ZoneId zone) {}

  @BeforeAll
  void boot() throws Exception {
    url = TestEnvironment.freshDatabase("three_instances");
    Path work = Path.of(System.getProperty("crossroads.it.work"), "three-instances");
    Map<String, String> settings =
        Map.ofEntries(
            entry("crossroads.db.url", url),
            entry("crossroads.demo.enabled", "true"),
            entry("crossroads.demo.size", "400"),
            entry("crossroads.mail.host", "127.0.0.1"),
            entry("crossroads.mail.lease", MAIL_LEASE.toString()),
            entry("crossroads.jobs.reminder-interval", JOB_INTERVAL.toString()),
            entry("crossroads.jobs.thank-you-interval", JOB_INTERVAL.toString()),
            entry("crossroads.jobs.digest-interval", JOB_INTERVAL.toString()),
            entry("crossroads.jobs.recovery-interval", RECOVERY.toString()),
            entry("crossroads.jobs.stale-after", STALE_AFTER.toString()),
            entry("crossroads.matching.refresh", MATCHING_REFRESH.toString()));
    int smtp = Integer.parseInt(System.getProperty(TestEnvironment.SMTP_PORT_PROPERTY));
    for (String name : List.of("a", "b", "c")) {
      int port = PayaraMicroProcess.freePort();
      SmtpRelay relay = SmtpRelay.to(smtp);
      relays.add(relay);
      Map<String, String> own = new HashMap<>(settings);
      own.put("crossroads.mail.port", Integer.toString(relay.port()));
      apis.add(new Api(URI.create("http://127.0.0.1:" + port + "/")));
      servers.add(PayaraMicroProcess.start(work, port, name, own));
    }
    for (int i = 0; i < servers.size(); i++) {
      servers.get(i).awaitReady(apis.get(i), BOOT);
    }
    chooseParticipants();
  }

  @AfterAll
  void stop() throws Exception {
    for (PayaraMicroProcess server : servers) {
      server.close();
    }
    for (SmtpRelay relay : relays) {
      relay.close();
    }
  }

  @Test
  @Order(1)
  void
      aLeaderWhoStopsAcceptingLeavesEveryInstancesRecommendationsAtOnceAndComesBackWithinTheRefresh()
          throws Exception {
    String employee = employees.remove(employees.size() - 1).username();
    String leader = notInTheStorm(recommended(apis.get(0), employee, 10)).get(0);
    JsonObject profile = apis.get(0).get("hana", "api/leaders/" + leader + "/profile").json();
    for (Api api : apis) {
      // Every instance has its pool of leaders, with this one accepting, in memory.
      assertThat(recommended(api, employee, 20)).as(api.base().toString()).contains(leader);
    }

    Api.Reply stopped =
        apis.get(1).put("hana", "api/leaders/" + leader + "/profile", accepting(profile, false));
    assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
    for (Api api : apis) {
      assertThat(recommended(api, employee, 20)).as(api.base().toString()).doesNotContain(leader);
    }
    // The third instance's pool grows older than twice its refresh and is read again without the
    // leader, as it would be after a while.
    await("a pool read without the leader")
        .pollDelay(MATCHING_REFRESH.multipliedBy(2))
        .atMost(MATCHING_REFRESH.multipliedBy(2).plusSeconds(10))
        .until(() -> !recommended(apis.get(2), employee, 20).contains(leader));

    // Accepting again, through the third instance: there at once, elsewhere within the refresh.
    Api.Reply resumed =
        apis.get(2).put("hana", "api/leaders/" + leader + "/profile", accepting(profile, true));
    assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
    assertThat(recommended(apis.get(2), employee, 20))
        .as("on the instance that took the change")
        .contains(leader);
    for (Api api : apis) {
      await("the leader ranked again on " + api.base())
          .atMost(MATCHING_REFRESH.plusSeconds(8))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> recommended(api, employee, 20).contains(leader));
    }
  }

  @Test
  @Order(2)
  void rulesChangedOnOneInstanceApplyOnTheOthersWithinTheirRefresh() throws Exception {
    Api a = apis.get(0);
    String asker = employees.remove(employees.size() - 1).username();
    List<String> elsewhere = notInTheStorm(recommended(a, asker, 10));
    long version = version(a);
    Api.Reply changed = a.put("hana", "api/program", RequestBodies.program(version, 1, 6));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    for (Api other : apis.subList(1, 3)) {
      await("the new rules on " + other.base())
          .atMost(PROGRAM_REFRESH.plusSeconds(5))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> version(other) == version + 1);
    }
    assertThat(ask(apis.get(1), asker, elsewhere.get(0)).status()).isEqualTo(201);
    ApiAssertions.assertProblem(
        ask(apis.get(2), asker, elsewhere.get(1)), 409, "open-request-limit");

    // The program's own rules again (three open requests), on every instance before the storm.
    Api.Reply restored = a.put("hana", "api/program", RequestBodies.program(version + 1, 3, 6));
    assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
    for (Api other : apis) {
      await()
          .atMost(PROGRAM_REFRESH.plusSeconds(5))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> version(other) == version + 2);
    }
  }

  /** One request of the storm: an employee asks a leader, then the leader accepts. */
  static final class Ask {
    final Person employee;
    final Person leader;
    final List<Instant> proposed;
    final String key = UUID.randomUUID().toString();
    volatile Api.Reply sent;
    volatile int sentVia;
    volatile Api.Reply accepted;

    Ask(Person employee, Person leader, List<Instant> proposed) {
      this.employee = employee;
      this.leader = leader;
      this.proposed = proposed;
    }

    String id() {
      return sent != null && sent.status() == 201 ? sent.string("id") : null;
    }
  }

  @Test
  @Order(3)
  void aBookingStormOverThreeInstancesOneKilledMidwayNeitherOverbooksNorLosesNorDoublesAnything()
      throws Exception {
    Instant start = Instant.now();
    Map<String, YearMonth> months = new HashMap<>();
    Map<String, List<Instant>> times = new HashMap<>();
    for (Person leader : leaders) {
      YearMonth month = YearMonth.now(leader.zone()).plusMonths(2);
      months.put(leader.id(), month);
      times.put(leader.id(), contested(leader, month));
    }
    // Each client is an employee asking one leader (every third one a second leader too), through
    // one instance, after which the leader accepts the first time proposed, through the next.
    List<List<Ask>> clients = new ArrayList<>();
    Map<String, Integer> perLeader = new HashMap<>();
    for (int i = 0; i < CLIENTS; i++) {
      Person employee = employees.get(i);
      List<Ask> asks = new ArrayList<>();
      List<Person> asked = new ArrayList<>(List.of(leaders.get(i % LEADERS)));
      if (i % 3 == 0) {
        asked.add(leaders.get((i + 1) % LEADERS));
      }
      for (Person leader : asked) {
        List<Instant> pool = times.get(leader.id());
        int j = perLeader.merge(leader.id(), 1, Integer::sum);
        asks.add(
            new Ask(
                employee,
                leader,
                List.of(pool.get(j % pool.size()), pool.get((j + 5) % pool.size()))));
      }
      clients.add(asks);
    }
    List<Ask> all = clients.stream().flatMap(List::stream).toList();

    // A cohort round on the third instance, held where it reads the employees' interests: running,
    // claimed by the instance about to be killed.
    PayaraMicroProcess third = servers.get(2);
    Connection interests = db();
    String round;
    try {
      interests.setAutoCommit(false);
      execute(interests, "set local lock_timeout = '30s'");
      execute(interests, "lock table interest in access exclusive mode");
      Api.Reply cohort =
          apis.get(2)
              .post(
                  "hana",
                  "api/cohorts",
                  json(
                      "name",
                      "Cluster round",
                      "divisionIds",
                      List.of(cohortDivision),
                      "introsPerEmployee",
                      2));
      assertThat(cohort.status()).as(cohort.toString()).isEqualTo(202);
      round = cohort.string("id");
      await("the round running on the third instance, waiting for the interests")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> claimedBy(round, third) && waitingOnInterests());
    } catch (SQLException | RuntimeException | Error failed) {
      interests.close();
      throw failed;
    }
    AtomicInteger sends = new AtomicInteger();
    AtomicInteger cutOff = new AtomicInteger();
    CompletableFuture<List<Integer>> storm =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Races.race(
                    CLIENTS,
                    i -> {
                      for (Ask ask : clients.get(i)) {
                        ask.sent =
                            call(
                                i,
                                api -> {
                                  ask.sentVia = apis.indexOf(api);
                                  return api.send(
                                      ask.employee.username(),
                                      "POST",
                                      "api/requests",
                                      RequestBodies.body(ask.leader.id(), ask.proposed),
                                      "application/json",
                                      Map.of("Idempotency-Key", ask.key));
                                },
                                cutOff);
                        sends.incrementAndGet();
                        if (ask.id() != null) {
                          ask.accepted =
                              call(
                                  i + 1,
                                  api ->
                                      api.post(
                                          ask.leader.username(),
                                          "api/requests/" + ask.id() + "/accept",
                                          json("start", ask.proposed.get(0).toString())),
                                  cutOff);
                        }
                      }
                      return clients.get(i).size();
                    });
              } catch (Exception e) {
                throw new CompletionException(e);
              }
            });

    // Once an eighth of the requests are made, with most calls still on their way, the third
    // instance is killed; on a slow machine sooner, while its round's heartbeat is still fresh.
    boolean stormGoingOn;
    Instant claimed;
    try {
      claimed = startedAt(round);
      await("an eighth of the storm")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(20))
          .until(
              () ->
                  sends.get() >= all.size() / 8
                      || storm.isDone()
                      || Instant.now().isAfter(claimed.plus(STALE_AFTER.dividedBy(2))));
      try (Connection outbox = db()) {
        outbox.setAutoCommit(false);
        execute(outbox, "set local lock_timeout = '30s'");
        execute(outbox, "lock table outbox_message in exclusive mode");
        assertThat(claimedBy(round, third)).as("still the third instance's round").isTrue();
        stormGoingOn = !storm.isDone();
        dead.add(2);
        assertThat(third.kill()).as("exit status after SIGKILL").isEqualTo(137);
        // Taken once the process is gone: whatever it claimed, it claimed before this.
        killedAt = Instant.now();
        outbox.rollback();
      }
    } finally {
      interests.rollback();
      interests.close();
    }
    List<Integer> asked = storm.get(3, TimeUnit.MINUTES);
    assertThat(asked.stream().mapToInt(Integer::intValue).sum()).isEqualTo(all.size());
    assertThat(stormGoingOn).as("killed in the middle of the storm").isTrue();
    assertThat(cutOff.get())
        .as("calls cut off by the kill and made again on a survivor")
        .isPositive();

    // Every request was answered, in the end: created (201), or refused (409) because the
    // leader's month was full or the time taken by then.
    for (Ask ask : all) {
      assertThat(ask.sent.status()).as(ask.sent.toString()).isIn(201, 409);
      if (ask.sent.status() == 409) {
        assertThat(ask.sent.contentType()).startsWith("application/problem+json");
      }
      if (ask.accepted != null) {
        assertThat(ask.accepted.status()).as(ask.accepted.toString()).isIn(200, 409);
      }
    }
    List<Ask> created = all.stream().filter(a -> a.id() != null).toList();
    assertThat(created).hasSizeGreaterThan(LEADERS * CAP);

    // A client that did not hear back (or fears it did not) asks again with the same key, on
    // another instance that lives: it is told of the request first made, and nothing is made twice.
    List<Ask> retried = new ArrayList<>();
    for (int i = 0; i < created.size(); i++) {
      if (i % 4 == 0 || created.get(i).sentVia == 2) {
        retried.add(created.get(i));
      }
    }
    for (Ask ask : retried) {
      Api.Reply again =
          apis.get(ask.sentVia == 0 ? 1 : 0)
              .send(
                  ask.employee.username(),
                  "POST",
                  "api/requests",
                  RequestBodies.body(ask.leader.id(), ask.proposed),
                  "application/json",
                  Map.of("Idempotency-Key", ask.key));
      assertThat(again.status()).as(again.toString()).isEqualTo(201);
      assertThat(again.header("Idempotent-Replayed")).contains("true");
      assertThat(again.string("id")).isEqualTo(ask.id());
    }
    System.out.printf(
        "Storm: %d clients asked %d times: %d created (%d asked again), %d refused;"
            + " %d accepted; %d calls cut off by the kill, %d ms after the round's claim%n",
        CLIENTS,
        all.size(),
        created.size(),
        retried.size(),
        all.size() - created.size(),
        created.stream().filter(a -> a.accepted.status() == 200).count(),
        cutOff.get(),
        Duration.between(claimed, killedAt).toMillis());

    // A request acknowledged with a 201 exists exactly once, retried or not; a refused one not at
    // all.
    Map<String, Integer> stored = new HashMap<>();
    Map<String, String> storedId = new HashMap<>();
    try (Connection db = db();
        PreparedStatement requests =
            db.prepareStatement(
                "select cast(requester_id as varchar(36)), cast(leader_id as varchar(36)),"
                    + " cast(id as varchar(36)) from interview_request where created_at >= ?")) {
      requests.setTimestamp(1, Timestamp.from(start));
      try (ResultSet rows = requests.executeQuery()) {
        while (rows.next()) {
          String pair = rows.getString(1) + "→" + rows.getString(2);
          stored.merge(pair, 1, Integer::sum);
          storedId.put(pair, rows.getString(3));
        }
      }
    }
    for (Ask ask : all) {
      String pair = ask.employee.id() + "→" + ask.leader.id();
      assertThat(stored.getOrDefault(pair, 0)).as(pair).isEqualTo(ask.id() == null ? 0 : 1);
      if (ask.id() != null) {
        assertThat(storedId.get(pair)).isEqualTo(ask.id());
      }
    }
    assertThat(stored.values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(created.size());

    // Each leader's month holds exactly the cap, no two interviews touch, and the cap's counter
    // agrees with the interviews: nothing the killed instance had half done stayed.
    Set<String> acceptedIds = new HashSet<>();
    created.stream()
        .filter(a -> a.accepted != null && a.accepted.status() == 200)
        .forEach(a -> acceptedIds.add(a.id()));
    Set<String> scheduledRequests = new HashSet<>();
    for (Person leader : leaders) {
      List<Instant[]> booked = new ArrayList<>();
      try (Connection db = db();
          PreparedStatement interviews =
              db.prepareStatement(
                  "select block_start, block_end, cast(request_id as varchar(36)) from interview"
                      + " where leader_id = ? and status = 'SCHEDULED' order by block_start")) {
        interviews.setObject(1, UUID.fromString(leader.id()));
        try (ResultSet rows = interviews.executeQuery()) {
          while (rows.next()) {
            booked.add(
                new Instant[] {rows.getTimestamp(1).toInstant(), rows.getTimestamp(2).toInstant()});
            scheduledRequests.add(rows.getString(3));
          }
        }
      }
      for (int i = 1; i < booked.size(); i++) {
        assertThat(booked.get(i)[0]).as("no overlap").isAfterOrEqualTo(booked.get(i - 1)[1]);
      }
      YearMonth month = months.get(leader.id());
      assertThat(booked).as(leader.username() + "'s interviews").hasSize(CAP);
      assertThat(booked).allMatch(b -> YearMonth.from(b[0].atZone(leader.zone())).equals(month));
      assertThat(booked(leader, month)).isEqualTo(CAP);
    }
    assertThat(scheduledRequests).containsAll(acceptedIds);
    assertThat(created.stream().map(Ask::id).toList()).containsAll(scheduledRequests);

    // The round the killed instance was computing was finished by a survivor, once.
    await("the round taken over")
        .atMost(STALE_AFTER.plus(RECOVERY).plusSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> apis.get(0).get("hana", "api/cohorts/" + round).json().getString("status"),
            status -> !status.equals("RUNNING") && !status.equals("QUEUED"));
    JsonObject done = apis.get(1).get("hana", "api/cohorts/" + round).json();
    assertThat(done.getString("status")).as(done.toString()).isEqualTo("DONE");
    checkRound(round, done);

    // Every message the outbox holds reached the SMTP server, whichever instance sent it: the
    // leaders heard of each request made to them and of each interview. Once each, but for at most
    // the one message the killed instance had handed over and not yet recorded.
    awaitOutboxDrained();
    Map<String, Integer> received = receivedPerOutboxId();
    assertThat(received.keySet()).isEqualTo(outbox(Instant.EPOCH).keySet());
    assertThat(received.values()).allSatisfy(copies -> assertThat(copies).isBetween(1, 2));
    List<String> twice = sentTwice(received);
    assertThat(twice).hasSizeLessThanOrEqualTo(1);
    assertThat(relays.get(2).relayed()).containsAll(twice);
    Map<String, String> recipients = outbox(start);
    for (Person leader : leaders) {
      long requests = created.stream().filter(a -> a.leader == leader).count();
      assertThat(recipients.values().stream().filter(leader.id()::equals))
          .as("mail to " + leader.username())
          .hasSize((int) requests + CAP);
    }
    assertThat(HalfWritten.since(url, start)).isEmpty();
  }

  @Test
  @Order(4)
  void theWeeklyDigestGoesOutOnceThoughEverySurvivorRunsItsTimer() throws Exception {
    Api a = apis.get(0);
    Api b = apis.get(1);
    Person leader = leaders.get(0);
    JsonObject interview =
        b.get(leader.username(), "api/interviews?as=leader&limit=100").items().stream()
            .map(JsonObject.class::cast)
            .filter(i -> i.getString("status").equals("SCHEDULED"))
            .findFirst()
            .orElseThrow();
    String employeeId = interview.getJsonObject("employee").getString("id");
    String met = a.get("hana", "api/people/" + employeeId).json().getString("username");
    try (Connection db = db()) {
      TimeTravel.interviewEnded(db, interview.getString("id"), Duration.ofHours(1));
    }
    Api.Reply held =
        b.post(met, "api/interviews/" + interview.getString("id") + "/outcome", json("held", true));
    assertThat(held.status()).as(held.toString()).isEqualTo(200);
    try (Connection db = db()) {
      TimeTravel.contactsDue(db, employeeId);
    }
    await("the digest")
        .atMost(Mailbox.DELIVERY)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> digests(employeeId) >= 1);
    // Two more periods claimed by one instance: a run that started after the first mail ended.
    awaitPeriods("contact-digest", Instant.now(), 2);
    awaitOutboxDrained();
    assertThat(digests(employeeId)).isEqualTo(1);
  }

  @Test
  @Order(5)
  void eachScheduledJobRunsOncePerPeriodAcrossTheInstancesAndGoesOnWithoutTheKilledOne()
      throws Exception {
    String killed = servers.get(2).pid() + "@";
    for (String job : JOBS) {
      awaitPeriods(job, killedAt.plus(JOB_INTERVAL), 2);
      try (Connection db = db()) {
        assertThat(
                count(
                    db,
                    "select count(*) - count(distinct period_start) from scheduled_run where job = ?",
                    job))
            .as(job + ": a period claimed twice")
            .isZero();
        assertThat(
                count(
                    db,
                    "select count(*) from scheduled_run where job = ? and claimed_at > ?"
                        + " and instance like ?",
                    job,
                    Timestamp.from(killedAt),
                    killed + "%"))
            .as(job + " claimed by the killed instance after its death")
            .isZero();
      }
      // A survivor ran the job exactly for the periods it claimed: its count of runs is its count
      // of claims (a run in progress may be between the two for a moment).
      for (int i = 0; i < 2; i++) {
        PayaraMicroProcess server = servers.get(i);
        Api api = apis.get(i);
        await(job + " runs and claims of " + api.base())
            .atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> {
                  try (Connection db = db()) {
                    return count(
                            db,
                            "select count(*) from scheduled_run where job = ? and instance like ?",
                            job,
                            server.pid() + "@%")
                        == runs(api, job);
                  }
                });
      }
    }
  }

  @Test
  @Order(6)
  void anInstanceKilledWhileSendingMailLeavesTheRestOfItsBatchToASurvivorAndAtMostOneMessageTwice()
      throws Exception {
    // Mail to send, over links slow enough that whoever takes the batch is caught sending it.
    relays.forEach(relay -> relay.slow(Duration.ofMillis(400)));
    Instant queued = Instant.now();
    List<String> batch = new ArrayList<>();
    try (Connection db = db();
        PreparedStatement insert =
            db.prepareStatement(
                "insert into outbox_message (id, created_at, kind, recipient_email, subject, body,"
                    + " attempts, next_attempt_at) values (?, ?, 'notice', ?, 'A notice', 'Hello',"
                    + " 0, ?)")) {
      for (int i = 0; i < 20; i++) {
        UUID id = UUID.randomUUID();
        batch.add(id.toString());
        insert.setObject(1, id);
        insert.setTimestamp(2, Timestamp.from(queued));
        insert.setString(3, "notice-" + i + "@example.com");
        insert.setTimestamp(4, Timestamp.from(queued));
        insert.addBatch();
      }
      db.setAutoCommit(false);
      insert.executeBatch();
      db.commit();
    }
    int sender =
        await("an instance in the middle of the batch")
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(20))
            .until(
                () -> {
                  for (int i = 0; i < 2; i++) {
                    if (relays.get(i).sendingNow() >= 3) {
                      return i;
                    }
                  }
                  return -1;
                },
                i -> i >= 0);
    int survivor = 1 - sender;
    relays.get(survivor).slow(Duration.ZERO);
    dead.add(sender);
    assertThat(servers.get(sender).kill()).as("exit status after SIGKILL").isEqualTo(137);

    await("the batch sent")
        .atMost(MAIL_LEASE.plus(Mailbox.DELIVERY))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> receivedPerOutboxId().keySet().containsAll(batch));
    awaitOutboxDrained();
    List<String> handedOver = new ArrayList<>(relays.get(sender).relayed());
    handedOver.retainAll(batch);
    assertThat(handedOver).as("killed with the batch under way").hasSizeBetween(3, 19);
    Map<String, Integer> received = receivedPerOutboxId();
    received.keySet().retainAll(batch);
    assertThat(received).hasSize(batch.size());
    // The message in flight at the kill may have reached the server unrecorded: the survivor sends
    // it again, with the same Message-ID. Every other message once.
    List<String> twice = sentTwice(received);
    assertThat(twice).hasSizeLessThanOrEqualTo(1);
    assertThat(handedOver).containsAll(twice);
    assertThat(received.values()).allSatisfy(copies -> assertThat(copies).isBetween(1, 2));
    // The survivor took the rest only when the dead instance's lease had ended.
    List<String> rest = new ArrayList<>(relays.get(survivor).relayed());
    rest.retainAll(batch);
    assertThat(rest).hasSize(batch.size() - handedOver.size() + twice.size());
    try (Connection db = db()) {
      for (String id : rest) {
        if (!twice.contains(id)) {
          assertThat(
                  count(
                      db,
                      "select count(*) from outbox_message where id = cast(? as uuid)"
                          + " and sent_at >= ?",
                      id,
                      Timestamp.from(queued.plus(MAIL_LEASE))))
              .as(id + " sent after the lease")
              .isOne();
        }
      }
    }
  }

  // What the tests share.

  private static List<String> sentTwice(Map<String, Integer> received) {
    return received.entrySet().stream().filter(e -> e.getValue() > 1).map(e -> e.getKey()).toList();
  }

  private Connection db() throws SQLException {
    return DriverManager.getConnection(url, "postgres", "postgres");
  }

  private static void execute(Connection db, String sql) throws SQLException {
    try (Statement statement = db.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long count(Connection db, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /**
   * A call that goes on to the next instance when one does not answer (it was killed): with the
   * same Idempotency-Key for a creating POST, so a request the dead instance made is not made
   * twice.
   */
  private Api.Reply call(int first, Function<Api, Api.Reply> request, AtomicInteger cutOff) {
    for (int attempt = 0; attempt < 3 * apis.size(); attempt++) {
      int which = (first + attempt) % apis.size();
      if (dead.contains(which)) {
        continue;
      }
      try {
        return request.apply(apis.get(which));
      } catch (UncheckedIOException cut) {
        cutOff.incrementAndGet();
      }
    }
    throw new AssertionError("no instance answered");
  }

  /**
   * The leaders of the storm: the four most junior leaders (not VPs) of the first division with
   * four; its employees: everyone elsewhere within their level band who never asked or met anyone,
   * so no rule about earlier requests refuses them.
   */
  private void chooseParticipants() throws SQLException {
    Map<String, List<Person>> byDivision = new LinkedHashMap<>();
    try (Connection db = db();
        ResultSet rows =
            db.createStatement()
                .executeQuery(
                    "select cast(p.id as varchar(36)), p.username, p.level,"
                        + " cast(p.division_id as varchar(36)), p.time_zone from person p"
                        + " join division d on d.id = p.division_id"
                        + " where p.active and p.leader and not p.hr and p.username like '%.%'"
                        + " and p.title not like 'VP%' order by d.name, p.level, p.username")) {
      while (rows.next()) {
        Person leader = person(rows);
        byDivision.computeIfAbsent(leader.divisionId(), d -> new ArrayList<>()).add(leader);
      }
    }
    byDivision.values().stream()
        .filter(l -> l.size() >= LEADERS)
        .findFirst()
        .ifPresent(l -> leaders.addAll(l.subList(0, LEADERS)));
    assertThat(leaders).as("a division with " + LEADERS + " leaders").hasSize(LEADERS);
    String division = leaders.get(0).divisionId();
    int highest = leaders.stream().mapToInt(Person::level).max().orElseThrow();
    try (Connection db = db();
        PreparedStatement query =
            db.prepareStatement(
                "select cast(p.id as varchar(36)), p.username, p.level,"
                    + " cast(p.division_id as varchar(36)), p.time_zone from person p"
                    + " where p.active and not p.leader and not p.hr and p.username like '%.%'"
                    + " and p.division_id <> ? and p.level + 3 >= ?"
                    + " and not exists (select 1 from interview i where i.employee_id = p.id)"
                    + " and not exists (select 1 from interview_request r where r.requester_id = p.id)"
                    + " order by p.username")) {
      query.setObject(1, UUID.fromString(division));
      query.setInt(2, highest);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          employees.add(person(rows));
        }
      }
    }
    assertThat(employees).as("employees free to ask").hasSizeGreaterThanOrEqualTo(CLIENTS + 2);
    cohortDivision = employees.get(0).divisionId();
    for (Person leader : leaders) {
      Api.Reply profile =
          apis.get(0)
              .put(
                  "hana",
                  "api/leaders/" + leader.id() + "/profile",
                  RequestBodies.profile("pricing", CAP, true));
      assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
      Api.Reply hours =
          apis.get(1)
              .put(
                  leader.username(),
                  "api/leaders/" + leader.id() + "/availability",
                  RequestBodies.standardHours(130)
                      .replace("America/New_York", leader.zone().getId()));
      assertThat(hours.status()).as(hours.toString()).isEqualTo(200);
    }
  }

  private static Person person(ResultSet row) throws SQLException {
    return new Person(
        row.getString(1),
        row.getString(2),
        row.getInt(3),
        row.getString(4),
        ZoneId.of(row.getString(5)));
  }

  /**
   * Twelve start times in the leader's month, in six pairs a quarter of an hour apart: the two of a
   * pair overlap (20-minute interviews), the pairs do not, so at most six could be booked, more
   * than the cap.
   */
  private List<Instant> contested(Person leader, YearMonth month) {
    Instant from = month.atDay(1).atStartOfDay(leader.zone()).toInstant();
    Api.Reply reply =
        apis.get(0)
            .get(
                "hana",
                "api/leaders/"
                    + leader.id()
                    + "/slots?length=20&from="
                    + from
                    + "&to="
                    + from.plus(Duration.ofDays(20)));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    TreeSet<Instant> open = new TreeSet<>();
    reply
        .array()
        .getValuesAs(JsonObject.class)
        .forEach(s -> open.add(Instant.parse(s.getString("start"))));
    List<Instant> times = new ArrayList<>();
    Instant last = Instant.MIN;
    for (Instant start : open) {
      Instant paired = start.plus(Duration.ofMinutes(15));
      if (!start.isBefore(last.plus(Duration.ofMinutes(60)))
          && open.contains(paired)
          && YearMonth.from(paired.atZone(leader.zone())).equals(month)) {
        times.add(start);
        times.add(paired);
        last = start;
      }
      if (times.size() == 12) {
        return times;
      }
    }
    throw new AssertionError("not twelve open times for " + leader.username() + ": " + open);
  }

  private static List<String> recommended(Api api, String employee, int limit) {
    Api.Reply reply = api.get(employee, "api/me/recommendations?limit=" + limit);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.array().getValuesAs(JsonObject.class).stream()
        .map(r -> r.getJsonObject("leader").getString("id"))
        .toList();
  }

  private List<String> notInTheStorm(List<String> leaderIds) {
    return leaderIds.stream()
        .filter(id -> leaders.stream().noneMatch(l -> l.id().equals(id)))
        .toList();
  }

  private static String accepting(JsonObject profile, boolean accepting) {
    return Json.createObjectBuilder(profile)
        .remove("leaderId")
        .add("acceptingRequests", accepting)
        .build()
        .toString();
  }

  private static long version(Api api) {
    return api.get("hana", "api/program").json().getJsonNumber("version").longValue();
  }

  private static Api.Reply ask(Api api, String employee, String leaderId) {
    Slots slots = new Slots(api, employee, leaderId, Instant.now().plus(Duration.ofDays(3)));
    return api.post(
        employee,
        "api/requests",
        RequestBodies.body(leaderId, List.of(slots.next(), slots.next())));
  }

  private boolean claimedBy(String round, PayaraMicroProcess server) throws SQLException {
    try (Connection db = db()) {
      return count(
              db,
              "select count(*) from cohort_round where id = ? and status = 'RUNNING'"
                  + " and attempt = 1 and claimed_by like ?",
              UUID.fromString(round),
              server.pid() + "@%")
          == 1;
    }
  }

  private Instant startedAt(String round) throws SQLException {
    try (Connection db = db();
        PreparedStatement query =
            db.prepareStatement("select started_at from cohort_round where id = ?")) {
      query.setObject(1, UUID.fromString(round));
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getTimestamp(1).toInstant();
      }
    }
  }

  private boolean waitingOnInterests() throws SQLException {
    try (Connection db = db()) {
      return count(
              db,
              "select count(*) from pg_locks l join pg_class c on c.oid = l.relation"
                  + " where c.relname = 'interest' and not l.granted"
                  + " and l.database = (select oid from pg_database where datname = current_database())")
          > 0;
    }
  }

  /** The cap's counter of a leader's month. */
  private int booked(Person leader, YearMonth month) throws SQLException {
    try (Connection db = db()) {
      return (int)
          count(
              db,
              "select coalesce(sum(booked), 0) from leader_month_load where leader_id = ? and period = ?",
              UUID.fromString(leader.id()),
              month.toString());
    }
  }

  /**
   * A round taken over: its second attempt, by a survivor, stored one result: each employee
   * introduced at most twice and never twice to one leader, only its own employees, and the totals
   * it shows are those of the stored matches.
   */
  private void checkRound(String round, JsonObject view) throws SQLException {
    try (Connection db = db()) {
      UUID id = UUID.fromString(round);
      assertThat(count(db, "select attempt from cohort_round where id = ?", id)).isEqualTo(2);
      String owner;
      try (PreparedStatement claimed =
          db.prepareStatement("select claimed_by from cohort_round where id = ?")) {
        claimed.setObject(1, id);
        try (ResultSet rows = claimed.executeQuery()) {
          rows.next();
          owner = rows.getString(1);
        }
      }
      assertThat(owner)
          .as("the attempt that finished the round")
          .matches(
              o ->
                  o.startsWith(servers.get(0).pid() + "@")
                      || o.startsWith(servers.get(1).pid() + "@"));
      long matches = count(db, "select count(*) from cohort_match where round_id = ?", id);
      assertThat(matches).isPositive().isEqualTo(view.getInt("matched"));
      assertThat(
              count(
                  db,
                  "select count(*) from (select employee_id, leader_id from cohort_match"
                      + " where round_id = ? group by employee_id, leader_id having count(*) > 1) t",
                  id))
          .as("an employee introduced twice to one leader")
          .isZero();
      assertThat(
              count(
                  db,
                  "select count(*) from (select employee_id from cohort_match where round_id = ?"
                      + " group by employee_id having count(*) > 2) t",
                  id))
          .as("an employee introduced more than twice")
          .isZero();
      assertThat(
              count(
                  db,
                  "select count(*) from cohort_match m where m.round_id = ? and not exists"
                      + " (select 1 from cohort_member c where c.round_id = m.round_id"
                      + " and c.employee_id = m.employee_id)",
                  id))
          .as("a match for someone not in the round")
          .isZero();
      long introduced =
          count(db, "select count(distinct employee_id) from cohort_match where round_id = ?", id);
      assertThat(introduced + view.getInt("unmatched")).isEqualTo(view.getInt("employees"));
    }
  }

  private void awaitOutboxDrained() {
    await("the outbox drained")
        .atMost(Mailbox.DELIVERY)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              try (Connection db = db()) {
                return count(db, "select count(*) from outbox_message where sent_at is null") == 0;
              }
            });
  }

  /** The outbox messages of this database queued since then, with their recipient's id. */
  private Map<String, String> outbox(Instant since) throws SQLException {
    Map<String, String> messages = new HashMap<>();
    try (Connection db = db();
        PreparedStatement query =
            db.prepareStatement(
                "select cast(id as varchar(36)), cast(recipient_id as varchar(36))"
                    + " from outbox_message where created_at >= ?")) {
      query.setTimestamp(1, Timestamp.from(since));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          messages.put(rows.getString(1), String.valueOf(rows.getString(2)));
        }
      }
    }
    return messages;
  }

  /**
   * How many copies of each of this database's outbox messages the SMTP server received, by the
   * Message-ID they carry (the SMTP server also holds other test classes' mail).
   */
  private Map<String, Integer> receivedPerOutboxId() throws Exception {
    Set<String> ours = outbox(Instant.EPOCH).keySet();
    Map<String, Integer> copies = new HashMap<>();
    for (MimeMessage message : TestEnvironment.smtp().getReceivedMessages()) {
      String id = outboxId(message);
      if (id != null && ours.contains(id)) {
        copies.merge(id, 1, Integer::sum);
      }
    }
    return copies;
  }

  private static String outboxId(MimeMessage message) {
    try {
      String header = message.getMessageID();
      if (header == null) {
        return null;
      }
      Matcher id = OUTBOX_ID.matcher(header);
      return id.matches() ? id.group(1) : null;
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The weekly digests this database's outbox sent to the person. */
  private long digests(String personId) throws Exception {
    Map<String, String> recipients = outbox(Instant.EPOCH);
    long found = 0;
    for (MimeMessage message : TestEnvironment.smtp().getReceivedMessages()) {
      String id = outboxId(message);
      if (id != null
          && personId.equals(recipients.get(id))
          && message.getSubject().contains("to keep in touch with this week")) {
        found++;
      }
    }
    return found;
  }

  /**
   * Waits until one instance has claimed {@code periods} periods of the job after {@code since}.
   */
  private void awaitPeriods(String job, Instant since, int periods) {
    await(job + " claimed " + periods + " periods after " + since)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              try (Connection db = db()) {
                return count(
                        db,
                        "select coalesce(max(n), 0) from (select count(*) n from scheduled_run"
                            + " where job = ? and period_start > ? group by instance) t",
                        job,
                        Timestamp.from(since))
                    >= periods;
              }
            });
  }

  /** Runs of a scheduled job on an instance, from its {@code /metrics}. */
  private static long runs(Api api, String job) {
    String text = api.metrics().body();
    for (String line : text.split("\n")) {
      if (line.startsWith("crossroads_job_duration_seconds_count{")
          && line.contains("job=\"" + job + "\"")) {
        String[] parts = line.trim().split(" ");
        return (long) Double.parseDouble(parts[parts.length - 1]);
      }
    }
    throw new AssertionError("no runs of " + job + " on " + api.base());
  }
}
