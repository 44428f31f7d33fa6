package io.crossroads.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end booking throughput: create + accept over HTTP against Payara Micro on PostgreSQL, with
 * 16 and 64 concurrent clients, and in the same run the same transaction done with plain JDBC as
 * the ceiling. Prints bookings/s, p50/p99 latency, the ratio to the ceiling, and the number of
 * overlapping interviews (must be 0).
 *
 * <p>Run with {@code mvn -Pbench verify -Dbench.main=io.crossroads.bench.BookingThroughput}.
 */
public final class BookingThroughput {

  static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 20));

  /**
   * Long enough for the JIT: on two cores the compiler threads of a fresh server outspend the
   * requests for a minute.
   */
  static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup", 60));

  /**
   * HTTP/1.1, as the pods are reached through the ingress (which passes no upgrade to HTTP/2 on;
   * docs/BENCHMARKS.md, "Soak").
   */
  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  static final java.time.YearMonth FIRST_MONTH =
      java.time.YearMonth.now(ZoneOffset.UTC).plusMonths(1);

  /**
   * A leader and the employees of other divisions who take turns booking them: an employee with an
   * interview scheduled with a leader may not ask them again, and may send at most 60 requests a
   * month, so each booking of a leader is by the next of many employees.
   */
  record Pair(
      List<String> employees,
      AtomicInteger turn,
      String leaderUser,
      String leaderId,
      int leaderIndex) {

    String employee() {
      return employees.get(Math.floorMod(turn.getAndIncrement(), employees.size()));
    }
  }

  /** The employees who book: each (employee, leader) pair books at most once in a run. */
  static final int EMPLOYEES = 800;

  record Result(
      String name, int clients, long bookings, double perSecond, long p50Micros, long p99Micros) {
    @Override
    public String toString() {
      return String.format(
          "%-6s %3d clients: %6d bookings, %8.1f bookings/s, p50 %6.1f ms, p99 %6.1f ms",
          name, clients, bookings, perSecond, p50Micros / 1000.0, p99Micros / 1000.0);
    }
  }

  /** The program's limits, loose enough that a run's bookings meet none of them. */
  static final List<String> LIMITS =
      List.of(
          "crossroads.program.max-open-requests=20",
          "crossroads.program.max-requests-per-month=60",
          "crossroads.program.repeat-window-months=0",
          "crossroads.program.max-level-gap=11",
          "crossroads.rate.requests.limit=1000000",
          "crossroads.rate.mail.limit=1000000");

  /**
   * How a client signs its calls, by user name: HTTP Basic, or a bearer token once the server runs
   * against {@link LoopbackIssuer}.
   */
  static volatile java.util.function.Function<String, String> authorization =
      BookingThroughput::basic;

  public static void main(String[] args) throws Exception {
    List<String> demo = new ArrayList<>(LIMITS);
    demo.addAll(List.of("crossroads.demo.enabled=true", "crossroads.demo.size=2000"));
    try (BenchServer server =
            BenchServer.start(
                18080, "2g", "payara.log", Duration.ofMinutes(5), demo.toArray(String[]::new));
        LoopbackIssuer issuer = new LoopbackIssuer()) {
      String url = server.jdbcUrl;
      String base = server.base;
      List<Pair> pairs = prepare(base);
      System.out.println(
          "Prepared "
              + pairs.size()
              + " employee/leader pairs over "
              + pairs.stream().map(Pair::leaderId).distinct().count()
              + " leaders");
      List<Result> results = new ArrayList<>();
      List<BookingCost.Report> costs = new ArrayList<>();
      // Each phase books its own calendar months, so phases never meet each other's caps.
      int month = 0;
      for (int clients : new int[] {16, 64}) {
        run(
            "HTTP",
            clients,
            pairs,
            month,
            2,
            (pair, slot) -> bookOverHttp(base, pair, slot),
            WARMUP);
        BookingCost cost = BookingCost.start(url, server.payara());
        Result measured =
            run(
                "HTTP",
                clients,
                pairs,
                month + 2,
                2,
                (pair, slot) -> bookOverHttp(base, pair, slot),
                RUN);
        results.add(measured);
        costs.add(cost.stop("HTTP " + clients + " clients", measured.bookings()));
        month += 4;
      }
      // The floor: what two calls cost that sign in and read one person, with nothing booked.
      run("FLOOR", 16, pairs, 0, 1000, (pair, slot) -> meTwice(base, pair), FLOOR_WARMUP);
      BookingCost floorCost = BookingCost.start(url, server.payara());
      Result floor = run("FLOOR", 16, pairs, 0, 1000, (pair, slot) -> meTwice(base, pair), RUN);
      results.add(floor);
      costs.add(floorCost.stop("FLOOR 16 clients", floor.bookings()));
      // The same bookings by scripts holding access tokens: the server again, in OIDC mode.
      List<String> oidc = new ArrayList<>(LIMITS);
      oidc.add("crossroads.oidc.issuer=" + issuer.url());
      oidc.add("crossroads.oidc.token-max-age=PT2H");
      server.startPayara("payara-oidc.log", Duration.ofMinutes(5), oidc.toArray(String[]::new));
      java.util.Set<String> leaders =
          pairs.stream().map(Pair::leaderUser).collect(java.util.stream.Collectors.toSet());
      authorization = user -> issuer.bearer(user, leaders.contains(user), Duration.ofHours(2));
      for (Pair pair : pairs) {
        // The first call of an account links it to its person: not part of a booking.
        get(base + "api/me", pair.leaderUser());
      }
      pairs.stream()
          .flatMap(p -> p.employees().stream())
          .distinct()
          .forEach(
              employee -> {
                try {
                  get(base + "api/me", employee);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      run("BEARER", 16, pairs, month, 2, (pair, slot) -> bookOverHttp(base, pair, slot), WARMUP);
      BookingCost bearerCost = BookingCost.start(url, server.payara());
      Result bearer =
          run(
              "BEARER",
              16,
              pairs,
              month + 2,
              2,
              (pair, slot) -> bookOverHttp(base, pair, slot),
              RUN);
      results.add(bearer);
      costs.add(bearerCost.stop("BEARER 16 clients", bearer.bookings()));
      month += 4;
      try (var pool = new JdbcPool(url, 64)) {
        for (int clients : new int[] {16, 64}) {
          run("JDBC", clients, pairs, month, 8, (pair, slot) -> pool.book(pair, slot), WARMUP);
          BookingCost cost = BookingCost.start(url, ProcessHandle.current());
          Result measured =
              run(
                  "JDBC",
                  clients,
                  pairs,
                  month + 8,
                  12,
                  (pair, slot) -> pool.book(pair, slot),
                  RUN);
          results.add(measured);
          costs.add(cost.stop("JDBC " + clients + " clients", measured.bookings()));
          month += 20;
        }
        results.forEach(System.out::println);
        costs.forEach(System.out::print);
        for (int clients : new int[] {16, 64}) {
          String suffix = " " + clients + " clients";
          BookingCost.Report http =
              costs.stream()
                  .filter(c -> c.phase().equals("HTTP" + suffix))
                  .findFirst()
                  .orElseThrow();
          BookingCost.Report jdbc =
              costs.stream()
                  .filter(c -> c.phase().equals("JDBC" + suffix))
                  .findFirst()
                  .orElseThrow();
          System.out.printf(
              "CPU per booking at %d clients: server %.2f ms = %.1f x the JDBC path's %.2f ms;"
                  + " statements %.2f vs %.2f%n",
              clients,
              http.workerMillisPerBooking(),
              http.workerMillisPerBooking() / jdbc.workerMillisPerBooking(),
              jdbc.workerMillisPerBooking(),
              http.statementsPerBooking(),
              jdbc.statementsPerBooking());
        }
        for (String phase : List.of("FLOOR 16 clients", "BEARER 16 clients")) {
          BookingCost.Report other =
              costs.stream().filter(c -> c.phase().equals(phase)).findFirst().orElseThrow();
          BookingCost.Report jdbc =
              costs.stream()
                  .filter(c -> c.phase().equals("JDBC 16 clients"))
                  .findFirst()
                  .orElseThrow();
          System.out.printf(
              "CPU per booking (%s): server %.2f ms = %.1f x the JDBC path's; statements %.2f%n",
              phase,
              other.workerMillisPerBooking(),
              other.workerMillisPerBooking() / jdbc.workerMillisPerBooking(),
              other.statementsPerBooking());
        }
        for (int clients : new int[] {16, 64}) {
          Result http =
              results.stream()
                  .filter(r -> r.name().equals("HTTP") && r.clients() == clients)
                  .findFirst()
                  .orElseThrow();
          Result jdbc =
              results.stream()
                  .filter(r -> r.name().equals("JDBC") && r.clients() == clients)
                  .findFirst()
                  .orElseThrow();
          System.out.printf(
              "ratio HTTP/JDBC at %d clients: %.2f%n",
              clients, http.perSecond() / jdbc.perSecond());
        }
        System.out.println("overlapping scheduled interviews: " + pool.overlaps());
      }
    }
  }

  /** Long enough for the JIT to compile the one call the floor makes. */
  static final Duration FLOOR_WARMUP = Duration.ofSeconds(Long.getLong("bench.floor-warmup", 20));

  /** The floor's "booking": the employee and the leader each ask who they are. */
  static boolean meTwice(String base, Pair pair) throws Exception {
    return me(base, pair.employee()) && me(base, pair.leaderUser());
  }

  static boolean me(String base, String user) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "api/me"))
                .header("Authorization", authorization.apply(user))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 || refused("me", response);
  }

  interface Booking {
    boolean book(Pair pair, Instant slot) throws Exception;
  }

  /**
   * Each client owns a disjoint set of pairs (so leaders do not contend across clients) and books
   * each pair's leader into successive 30-minute slots of the months given, 40 per month (the cap).
   */
  static Result run(
      String name,
      int clients,
      List<Pair> pairs,
      int firstMonth,
      int months,
      Booking booking,
      Duration length)
      throws Exception {
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicLong booked = new AtomicLong();
    AtomicInteger failures = new AtomicInteger();
    Instant end = Instant.now().plus(length);
    CountDownLatch done = new CountDownLatch(clients);
    Map<Integer, AtomicInteger> nextSlot = new java.util.concurrent.ConcurrentHashMap<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      new Thread(
              () -> {
                try {
                  List<Pair> mine = new ArrayList<>();
                  for (int i = client; i < pairs.size(); i += clients) {
                    mine.add(pairs.get(i));
                  }
                  int turn = 0;
                  while (Instant.now().isBefore(end) && !mine.isEmpty()) {
                    Pair pair = mine.get(turn++ % mine.size());
                    int k =
                        nextSlot
                            .computeIfAbsent(pair.leaderIndex(), x -> new AtomicInteger())
                            .getAndIncrement();
                    if (k >= 40 * months) {
                      mine.remove(pair); // this leader's months are full
                      continue;
                    }
                    Instant slot =
                        FIRST_MONTH
                            .plusMonths(firstMonth + k / 40)
                            .atDay(1)
                            .atStartOfDay()
                            .toInstant(ZoneOffset.UTC)
                            .plus(Duration.ofMinutes(30L * (k % 40)));
                    long started = System.nanoTime();
                    if (booking.book(pair, slot)) {
                      booked.incrementAndGet();
                      latencies.add((System.nanoTime() - started) / 1000);
                    } else {
                      failures.incrementAndGet();
                    }
                  }
                } catch (Exception e) {
                  e.printStackTrace();
                } finally {
                  done.countDown();
                }
              })
          .start();
    }
    done.await();
    List<Long> sorted = latencies.stream().sorted().toList();
    long p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    long p99 =
        sorted.isEmpty()
            ? 0
            : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99)));
    if (failures.get() > 0) {
      System.out.println(
          name + " " + clients + ": " + failures.get() + " bookings refused " + REFUSALS);
    }
    REFUSALS.clear();
    return new Result(
        name, clients, booked.get(), booked.get() / (double) length.toSeconds(), p50, p99);
  }

  static boolean bookOverHttp(String base, Pair pair, Instant slot) throws Exception {
    String body =
        Json.createObjectBuilder()
            .add("leaderId", pair.leaderId())
            .add("length", 20)
            .add("format", "VIDEO")
            .add("intro", "I am on the finance team")
            .add("learn", "How your team plans its roadmap")
            .add("whyYou", "Your talk at the all-hands")
            .add(
                "proposedSlots",
                Json.createArrayBuilder()
                    .add(slot.toString())
                    .add(slot.plus(Duration.ofMinutes(15)).toString()))
            .build()
            .toString();
    HttpResponse<String> created = post(base + "api/requests", pair.employee(), body);
    if (created.statusCode() != 201) {
      return refused("send", created);
    }
    String id = Json.createReader(new StringReader(created.body())).readObject().getString("id");
    HttpResponse<String> accepted =
        post(
            base + "api/requests/" + id + "/accept",
            pair.leaderUser(),
            "{\"start\":\"" + slot + "\"}");
    return accepted.statusCode() == 200 || refused("accept", accepted);
  }

  /** Why bookings were refused, by step, status and problem type: printed after each phase. */
  static final Map<String, AtomicInteger> REFUSALS = new java.util.concurrent.ConcurrentHashMap<>();

  static boolean refused(String step, HttpResponse<String> response) {
    String type = response.body().replaceAll(".*\"type\":\"([^\"]*)\".*", "$1");
    REFUSALS
        .computeIfAbsent(step + " " + response.statusCode() + " " + type, k -> new AtomicInteger())
        .incrementAndGet();
    return false;
  }

  static HttpResponse<String> post(String url, String user, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", authorization.apply(user))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> put(String url, String user, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", authorization.apply(user))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonObject get(String url, String user) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", authorization.apply(user))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " as " + user + ": " + response.body());
    }
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Opens every leader around the clock in UTC, with a cap of 40 and a year's horizon, and pairs
   * each with an employee of another division.
   */
  static List<Pair> prepare(String base) throws Exception {
    List<JsonObject> all = new ArrayList<>();
    for (int offset = 0; ; offset += 500) {
      JsonObject page = get(base + "api/people?limit=500&offset=" + offset, "ava");
      page.getJsonArray("items").forEach(p -> all.add(p.asJsonObject()));
      if (offset + 500 >= page.getInt("total")) {
        break;
      }
    }
    List<JsonObject> leaders = all.stream().filter(p -> p.getBoolean("leader")).toList();
    List<JsonObject> employees = all.stream().filter(p -> !p.getBoolean("leader")).toList();
    String weekly =
        String.join(
            ",",
            java.util.stream.Stream.of(
                    "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
                .map(d -> "{\"day\":\"" + d + "\",\"start\":\"00:00\",\"end\":\"24:00\"}")
                .toList());
    List<JsonObject> bookers = employees.subList(0, Math.min(EMPLOYEES, employees.size()));
    for (JsonObject employee : bookers) {
      // Sign each employee in once: the first password check costs a deliberate PBKDF2 round,
      // which is sign-in cost, not booking cost.
      get(base + "api/me", employee.getString("username"));
    }
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < leaders.size(); i++) {
      JsonObject leader = leaders.get(i);
      String user = leader.getString("username");
      String id = leader.getString("id");
      put(
          base + "api/leaders/" + id + "/profile",
          user,
          "{\"acceptingRequests\":true,\"topics\":[],\"bio\":\"\","
              + "\"monthlyCap\":40,\"lengths\":[15,20,30],\"formats\":[\"VIDEO\",\"PHONE\",\"IN_PERSON\"]}");
      put(
          base + "api/leaders/" + id + "/availability",
          user,
          "{\"timeZone\":\"UTC\",\"weekly\":["
              + weekly
              + "],\"overrides\":[],\"bufferBefore\":0,\"bufferAfter\":0,\"minNoticeHours\":0,\"horizonDays\":365}");
      String division = leader.getString("divisionId");
      // Each leader's turns start at another point of the list, spread over all of it, so that
      // the bookings of a run fall evenly on the employees and none reaches the program's
      // monthly limit of requests before the run ends.
      int first = i * Math.max(1, bookers.size() / leaders.size());
      List<String> mine = new ArrayList<>();
      for (int k = 0; k < bookers.size(); k++) {
        JsonObject employee = bookers.get((first + k) % bookers.size());
        if (!employee.getString("divisionId").equals(division)) {
          mine.add(employee.getString("username"));
        }
      }
      pairs.add(new Pair(mine, new AtomicInteger(), user, id, i));
    }
    return pairs;
  }

  /** The same booking transaction as the service, in plain JDBC: the ceiling. */
  static final class JdbcPool implements AutoCloseable {
    private final java.util.concurrent.BlockingQueue<Connection> connections;

    JdbcPool(String url, int size) throws Exception {
      connections = new java.util.concurrent.ArrayBlockingQueue<>(size);
      for (int i = 0; i < size; i++) {
        Connection c = java.sql.DriverManager.getConnection(url, "postgres", "postgres");
        c.setAutoCommit(false);
        connections.add(c);
      }
    }

    boolean book(Pair pair, Instant slot) throws Exception {
      Connection c = connections.take();
      try {
        UUID leader = UUID.fromString(pair.leaderId());
        UUID employee = employeeId(c, pair.employee());
        UUID request = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp start = Timestamp.from(slot);
        Timestamp end = Timestamp.from(slot.plus(Duration.ofMinutes(20)));
        // create: lock the employee, count open requests, insert request, slots, event, outbox
        query(c, "select id from person where id = ? for update", employee);
        query(
            c,
            "select count(*) from interview_request where requester_id = ? and status in ('PENDING','COUNTER_PROPOSED')",
            employee);
        update(
            c,
            "insert into interview_request (id, requester_id, leader_id, status, length_minutes, format, intro, learn, why_you,"
                + " created_at, last_attempt_at, version, follow_ups) values (?, ?, ?, 'PENDING', 20, 'VIDEO', 'i', 'l', 'w', ?, ?, 0, 0)",
            request,
            employee,
            leader,
            now,
            now);
        update(
            c,
            "insert into request_slot (request_id, position, start_at) values (?, 0, ?), (?, 1, ?)",
            request,
            start,
            request,
            Timestamp.from(slot.plus(Duration.ofMinutes(15))));
        update(
            c,
            "insert into request_event (id, request_id, at, actor_id, type) values (?, ?, ?, ?, 'SENT')",
            UUID.randomUUID(),
            request,
            now,
            employee);
        outbox(c, leader, now);
        c.commit();
        // accept: lock the leader, compare-and-swap the status, check overlap, take cap, insert
        // interview
        query(c, "select person_id from leader_profile where person_id = ? for update", leader);
        int swapped =
            update(
                c,
                "update interview_request set status = 'ACCEPTED', answered_at = ?, version = version + 1"
                    + " where id = ? and status = 'PENDING'",
                now,
                request);
        boolean busy =
            query(
                c,
                "select id from interview where leader_id = ? and status = 'SCHEDULED'"
                    + " and block_start < ? and block_end > ?",
                leader,
                end,
                start);
        String period = slot.atZone(ZoneOffset.UTC).toString().substring(0, 7);
        int taken =
            update(
                c,
                "update leader_month_load set booked = booked + 1 where leader_id = ? and period = ? and booked < 40",
                leader,
                period);
        if (taken == 0) {
          taken =
              update(
                  c,
                  "insert into leader_month_load (leader_id, period, booked) values (?, ?, 1) on conflict do nothing",
                  leader,
                  period);
        }
        if (swapped != 1 || busy || taken != 1) {
          c.rollback();
          return false;
        }
        update(
            c,
            "insert into interview (id, request_id, employee_id, leader_id, start_at, end_at, block_start, block_end,"
                + " length_minutes, format, status, sequence, created_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, 20, 'VIDEO', 'SCHEDULED', 0, ?, 0)",
            UUID.randomUUID(),
            request,
            employee,
            leader,
            start,
            end,
            start,
            end,
            now);
        update(
            c,
            "insert into request_event (id, request_id, at, actor_id, type) values (?, ?, ?, ?, 'ACCEPTED')",
            UUID.randomUUID(),
            request,
            now,
            leader);
        outbox(c, employee, now);
        outbox(c, leader, now);
        c.commit();
        return true;
      } catch (java.sql.SQLException e) {
        c.rollback();
        return false;
      } finally {
        connections.add(c);
      }
    }

    private final Map<String, UUID> employees = new java.util.concurrent.ConcurrentHashMap<>();

    private UUID employeeId(Connection c, String username) throws Exception {
      UUID known = employees.get(username);
      if (known != null) {
        return known;
      }
      try (PreparedStatement s = c.prepareStatement("select id from person where username = ?")) {
        s.setString(1, username);
        try (ResultSet r = s.executeQuery()) {
          r.next();
          UUID id = (UUID) r.getObject(1);
          employees.put(username, id);
          return id;
        }
      }
    }

    private static void outbox(Connection c, UUID to, Timestamp now) throws Exception {
      update(
          c,
          "insert into outbox_message (id, created_at, kind, recipient_id, recipient_email, subject, body,"
              + " attempts, next_attempt_at) values (?, ?, 'bench', ?, 'x@example.com', 's', 'b', 0, ?)",
          UUID.randomUUID(),
          now,
          to,
          now);
    }

    long overlaps() throws Exception {
      Connection c = connections.take();
      try (PreparedStatement s =
              c.prepareStatement(
                  "select count(*) from interview a join interview b"
                      + " on a.leader_id = b.leader_id and a.id < b.id and a.status = 'SCHEDULED' and b.status = 'SCHEDULED'"
                      + " and a.block_start < b.block_end and b.block_start < a.block_end");
          ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      } finally {
        c.rollback();
        connections.add(c);
      }
    }

    private static boolean query(Connection c, String sql, Object... parameters) throws Exception {
      try (PreparedStatement s = c.prepareStatement(sql)) {
        for (int i = 0; i < parameters.length; i++) {
          s.setObject(i + 1, parameters[i]);
        }
        try (ResultSet r = s.executeQuery()) {
          return r.next();
        }
      }
    }

    private static int update(Connection c, String sql, Object... parameters) throws Exception {
      try (PreparedStatement s = c.prepareStatement(sql)) {
        for (int i = 0; i < parameters.length; i++) {
          s.setObject(i + 1, parameters[i]);
        }
        return s.executeUpdate();
      }
    }

    @Override
    public void close() throws Exception {
      for (Connection c : connections) {
        c.close();
      }
    }
  }
}
