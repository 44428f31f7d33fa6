package io.crossroads.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.tools.attach.VirtualMachine;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A soak run: mixed traffic at a fixed rate against Payara Micro on PostgreSQL (the same {@link
 * BenchServer} as the other HTTP benchmarks, the 2,000-person demo organisation, leaders opened as
 * in {@link BookingThroughput}), for minutes, while the server's heap after garbage collection and
 * the database connections are sampled.
 *
 * <p>Arrivals are open-loop: operation <i>i</i> is due at {@code start + i / rate} whether or not
 * earlier ones have been answered, and its latency is measured from when it was due, so a server
 * that stalls shows in the percentiles instead of slowing the client down.
 *
 * <p>The server's heap after each collection comes from its GC notifications over JMX, sampled
 * every {@code soak.sample} seconds with the connections PostgreSQL has open for it ({@code
 * pg_stat_activity}). A full collection is asked for at the end of the warm-up and then every
 * {@code soak.fullGc} seconds, so that old garbage promoted by young collections does not pass for
 * growth; the heap after those alone (what is still reachable) is reported too.
 *
 * <p>The run fails (exit code 1) on any 5xx or transport error, on an operation not answered by the
 * end, when the heap after GC grows faster than {@code soak.maxHeapSlope} MB a minute over the
 * steady part (least-squares slope of the samples from the first full collection on), or when the
 * database connections grow faster than {@code soak.maxConnectionSlope} a minute.
 *
 * <p>Run with {@code mvn -Pbench,soak verify -Dsoak.minutes=10 -Dsoak.rate=20}; every setting is in
 * {@link Settings}.
 */
public final class Soak {

  /** The settings, from {@code key=value} arguments or system properties of the same names. */
  record Settings(
      double minutes,
      double rate,
      int warmupSeconds,
      int sampleSeconds,
      int fullGcSeconds,
      String http,
      String heap,
      int port,
      int threads,
      double maxHeapSlope,
      double maxConnectionSlope,
      long seed) {

    static Settings of(String[] args) {
      Map<String, String> given = new LinkedHashMap<>();
      for (String arg : args) {
        int equals = arg.indexOf('=');
        if (equals > 0) {
          given.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
      }
      java.util.function.BiFunction<String, String, String> value =
          (key, fallback) -> {
            String v = given.getOrDefault(key, System.getProperty(key));
            return v == null || v.isBlank() ? fallback : v.trim();
          };
      return new Settings(
          Double.parseDouble(value.apply("soak.minutes", "10")),
          Double.parseDouble(value.apply("soak.rate", "20")),
          Integer.parseInt(value.apply("soak.warmup", "60")),
          Integer.parseInt(value.apply("soak.sample", "5")),
          Integer.parseInt(value.apply("soak.fullGc", "60")),
          value.apply("soak.http", "1.1"),
          value.apply("soak.heap", "1g"),
          Integer.parseInt(value.apply("soak.port", "18082")),
          Integer.parseInt(value.apply("soak.threads", "128")),
          Double.parseDouble(value.apply("soak.maxHeapSlope", "2")),
          Double.parseDouble(value.apply("soak.maxConnectionSlope", "0.5")),
          Long.parseLong(value.apply("soak.seed", "20261201")));
    }
  }

  /** The operations and their shares of the traffic, in percent. */
  enum Op {
    PEOPLE("GET /api/people?leadersOnly=true", 15),
    PERSON("GET /api/people/{leader}", 15),
    RECOMMEND("GET /api/me/recommendations?limit=10", 18),
    REQUEST("POST /api/requests", 12),
    ACCEPT("POST /api/requests/{id}/accept", 10),
    RESCHEDULE("POST /api/interviews/{id}/reschedule", 5),
    EXPORT("GET /api/me/export", 10),
    REPORT("GET /api/reports/{report} (JSON)", 8),
    REPORT_CSV("GET /api/reports/{report} (CSV)", 7);

    final String call;
    final int share;

    Op(String call, int share) {
      this.call = call;
      this.share = share;
    }
  }

  static final String[] REPORTS = {"pipeline", "flows", "leaders", "mobility", "talent-pool"};

  /** The demo's HR user, who reads the reports. */
  static final String HR = "hana";

  /** A request sent and not yet accepted. */
  record Pending(String id, BookingThroughput.Pair pair, String employee, Instant slot) {}

  /** An interview scheduled by an accept, to be moved once. */
  record Booked(String id, BookingThroughput.Pair pair, String employee) {}

  /** One sample of the server and the database. */
  record Sample(
      double minute,
      double heapAfterGcMb,
      double heapUsedMb,
      long collections,
      int connections,
      int activeConnections,
      int inFlight,
      long answered) {}

  private final Settings settings;
  private final HttpClient client;
  private final String base;
  private final List<BookingThroughput.Pair> pairs;
  private final List<String> employees;
  private final List<String> leaderIds;
  private final Map<Integer, AtomicInteger> nextSlot = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Booked> booked = new ConcurrentLinkedQueue<>();
  private final AtomicLong requestTurn = new AtomicLong();
  private final Map<Op, Histogram> fromSchedule = new TreeMap<>();
  private final Map<Op, Histogram> fromSend = new TreeMap<>();
  private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
  private final Map<Op, LongAdder> skipped = new ConcurrentHashMap<>();
  private final LongAdder serverErrors = new LongAdder();
  private final LongAdder transportErrors = new LongAdder();
  private final LongAdder answered = new LongAdder();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile long steadyFrom = Long.MAX_VALUE;

  private Soak(Settings settings, String base, List<BookingThroughput.Pair> pairs) {
    this.settings = settings;
    // HTTP/1.1, as the ingress reaches the pods (it passes no upgrade on); soak.http=2 asks for
    // HTTP/2 like Java's client does by default: on http:// an upgrade to h2c, which Payara Micro's
    // listener accepts.
    this.client =
        HttpClient.newBuilder()
            .version(
                settings.http().equals("1.1")
                    ? HttpClient.Version.HTTP_1_1
                    : HttpClient.Version.HTTP_2)
            .build();
    this.base = base;
    this.pairs = pairs;
    this.employees =
        pairs.stream().flatMap(p -> p.employees().stream()).distinct().sorted().toList();
    this.leaderIds = pairs.stream().map(BookingThroughput.Pair::leaderId).toList();
    long highest = TimeUnit.MINUTES.toMicros(30);
    for (Op op : Op.values()) {
      fromSchedule.put(op, new ConcurrentHistogram(highest, 3));
      fromSend.put(op, new ConcurrentHistogram(highest, 3));
    }
  }

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.of(args);
    System.out.println(settings);
    System.out.println(machine());
    int exit;
    try (BenchServer server =
        BenchServer.start(
            settings.port(),
            settings.heap(),
            "soak-payara.log",
            Duration.ofMinutes(5),
            "crossroads.demo.enabled=true",
            "crossroads.demo.size=2000",
            "crossroads.program.max-open-requests=20",
            "crossroads.program.max-requests-per-month=60",
            "crossroads.program.repeat-window-months=0",
            "crossroads.program.max-level-gap=11",
            "crossroads.rate.requests.limit=1000000",
            "crossroads.rate.mail.limit=1000000",
            "crossroads.rate.reschedule.limit=1000000")) {
      List<BookingThroughput.Pair> pairs = BookingThroughput.prepare(server.base);
      Soak soak = new Soak(settings, server.base, pairs);
      System.out.printf(
          "Prepared %d leaders open around the clock and %d employees signed in%n",
          pairs.size(), soak.employees.size());
      try (ServerMemory memory = ServerMemory.attach(server.payara().pid());
          Connection database =
              DriverManager.getConnection(server.jdbcUrl, "postgres", "postgres")) {
        exit = soak.run(server, memory, database);
      }
    }
    System.exit(exit);
  }

  static String machine() {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return String.format(
        Locale.ROOT,
        "Machine: %d cores, %.1f GiB, %s %s, load average %.2f",
        Runtime.getRuntime().availableProcessors(),
        os.getTotalMemorySize() / (1024.0 * 1024 * 1024),
        System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"),
        os.getSystemLoadAverage());
  }

  private int run(BenchServer server, ServerMemory memory, Connection database) throws Exception {
    List<Sample> samples = java.util.Collections.synchronizedList(new ArrayList<>());
    long periodNanos = Math.round(1e9 / settings.rate());
    long length = Math.round(settings.minutes() * 60e9);
    long start = System.nanoTime();
    long end = start + length;
    steadyFrom = start + TimeUnit.SECONDS.toNanos(settings.warmupSeconds());
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    List<double[]> live = java.util.Collections.synchronizedList(new ArrayList<>());
    sampler.scheduleAtFixedRate(
        () -> {
          try {
            Sample sample = sample(start, memory, database);
            samples.add(sample);
            if (Math.round(sample.minute() * 60) % 30 == 0) {
              System.out.printf(
                  Locale.ROOT,
                  "%5.1f min: %d answered, %d in flight, heap after GC %.0f MB, %d connections"
                      + " (%d active), 5xx %d%n",
                  sample.minute(),
                  sample.answered(),
                  sample.inFlight(),
                  sample.heapAfterGcMb(),
                  sample.connections(),
                  sample.activeConnections(),
                  serverErrors.sum());
            }
          } catch (Exception e) {
            e.printStackTrace();
          }
        },
        0,
        settings.sampleSeconds(),
        TimeUnit.SECONDS);
    // What is still reachable: a full collection at the end of the warm-up, then every fullGc
    // seconds (so that garbage promoted between them does not pass for growth), and at the end.
    Runnable fullCollection =
        () -> {
          try {
            live.add(new double[] {(System.nanoTime() - start) / 60e9, memory.liveMb()});
          } catch (Exception e) {
            e.printStackTrace();
          }
        };
    if (settings.fullGcSeconds() > 0) {
      sampler.scheduleAtFixedRate(
          fullCollection, settings.warmupSeconds(), settings.fullGcSeconds(), TimeUnit.SECONDS);
    } else {
      sampler.schedule(fullCollection, settings.warmupSeconds(), TimeUnit.SECONDS);
    }
    Duration cpuBefore = BookingCost.cpu(server.payara());
    long cpuFrom = System.nanoTime();
    ExecutorService workers = Executors.newFixedThreadPool(settings.threads());
    SplittableRandom random = new SplittableRandom(settings.seed());
    Op[] wheel = wheel();
    long scheduled = 0;
    for (long i = 0; ; i++) {
      long due = start + i * periodNanos;
      if (due >= end) {
        break;
      }
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      Op op = wheel[random.nextInt(wheel.length)];
      String employee = employees.get(random.nextInt(employees.size()));
      int pick = random.nextInt(1 << 20);
      workers.execute(() -> perform(op, due, employee, pick));
      scheduled++;
    }
    workers.shutdown();
    boolean drained = workers.awaitTermination(2, TimeUnit.MINUTES);
    Duration serverCpu = BookingCost.cpu(server.payara()).minus(cpuBefore);
    double cpuSeconds = (System.nanoTime() - cpuFrom) / 1e9;
    sampler.shutdown();
    sampler.awaitTermination(1, TimeUnit.MINUTES);
    samples.add(sample(start, memory, database));
    fullCollection.run();
    long unfinished = drained ? 0 : workers.shutdownNow().size() + inFlight.get();
    Files.writeString(
        Path.of("target", "bench", "soak-metrics.txt"),
        BookingThroughput.HTTP
            .send(
                HttpRequest.newBuilder(URI.create(base + "metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
    writeSamples(samples, memory);
    return report(scheduled, unfinished, samples, memory, live, serverCpu, cpuSeconds);
  }

  /** The operations in their shares, to draw from. */
  private static Op[] wheel() {
    List<Op> wheel = new ArrayList<>();
    for (Op op : Op.values()) {
      for (int i = 0; i < op.share; i++) {
        wheel.add(op);
      }
    }
    return wheel.toArray(Op[]::new);
  }

  private void perform(Op op, long due, String employee, int pick) {
    HttpRequest request;
    try {
      switch (op) {
        case PEOPLE ->
            request =
                get("api/people?leadersOnly=true&limit=20&offset=" + (pick % 10) * 20, employee);
        case PERSON ->
            request = get("api/people/" + leaderIds.get(pick % leaderIds.size()), employee);
        case RECOMMEND -> request = get("api/me/recommendations?limit=10", employee);
        case EXPORT -> request = get("api/me/export", employee);
        case REPORT, REPORT_CSV ->
            request =
                HttpRequest.newBuilder(uri("api/reports/" + REPORTS[pick % REPORTS.length]))
                    .header("Authorization", BookingThroughput.basic(HR))
                    .header("Accept", op == Op.REPORT ? "application/json" : "text/csv")
                    .timeout(Duration.ofSeconds(60))
                    .build();
        case REQUEST -> {
          BookingThroughput.Pair pair =
              pairs.get((int) (requestTurn.getAndIncrement() % pairs.size()));
          String requester = pair.employee();
          Instant slot = nextSlot(pair);
          HttpResponse<String> response =
              send(op, due, post("api/requests", requester, requestBody(pair, slot)));
          if (response != null && response.statusCode() == 201) {
            pending.add(new Pending(field(response.body(), "id"), pair, requester, slot));
          }
          return;
        }
        case ACCEPT -> {
          Pending waiting = pending.poll();
          if (waiting == null) {
            skipped.computeIfAbsent(op, k -> new LongAdder()).increment();
            return;
          }
          HttpResponse<String> response =
              send(
                  op,
                  due,
                  post(
                      "api/requests/" + waiting.id() + "/accept",
                      waiting.pair().leaderUser(),
                      "{\"start\":\"" + waiting.slot() + "\"}"));
          if (response != null && response.statusCode() == 200) {
            booked.add(
                new Booked(
                    field(response.body(), "interviewId"), waiting.pair(), waiting.employee()));
          }
          return;
        }
        case RESCHEDULE -> {
          Booked interview = booked.poll();
          if (interview == null) {
            skipped.computeIfAbsent(op, k -> new LongAdder()).increment();
            return;
          }
          send(
              op,
              due,
              post(
                  "api/interviews/" + interview.id() + "/reschedule",
                  interview.employee(),
                  Json.createObjectBuilder()
                      .add("start", nextSlot(interview.pair()).toString())
                      .add("reason", "A clash in my calendar")
                      .build()
                      .toString()));
          return;
        }
        default -> throw new IllegalStateException(op.name());
      }
      send(op, due, request);
    } catch (Exception e) {
      e.printStackTrace();
      transportErrors.increment();
    }
  }

  /**
   * Sends and records: latency from when the operation was due and from when it was sent, the
   * status, and for refusals the problem type.
   */
  private HttpResponse<String> send(Op op, long due, HttpRequest request) {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    long sent = System.nanoTime();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      long done = System.nanoTime();
      answered.increment();
      if (due >= steadyFrom) {
        fromSchedule.get(op).recordValue(Math.max(0, (done - due) / 1000));
        fromSend.get(op).recordValue(Math.max(0, (done - sent) / 1000));
      }
      int status = response.statusCode();
      String key = op + " " + status;
      if (status >= 400) {
        key += " " + problemType(response.body());
      }
      if (status >= 500) {
        serverErrors.increment();
      }
      outcomes.computeIfAbsent(key, k -> new LongAdder()).increment();
      return response;
    } catch (Exception e) {
      transportErrors.increment();
      outcomes
          .computeIfAbsent(op + " " + e.getClass().getSimpleName(), k -> new LongAdder())
          .increment();
      return null;
    } finally {
      inFlight.decrementAndGet();
    }
  }

  /**
   * The leader's next free half hour: successive slots of successive months from next month on, at
   * most 40 a month (the cap {@link BookingThroughput#prepare} gives every leader), so neither a
   * booking nor a move meets another interview or the cap.
   */
  private Instant nextSlot(BookingThroughput.Pair pair) {
    int k =
        nextSlot.computeIfAbsent(pair.leaderIndex(), x -> new AtomicInteger()).getAndIncrement();
    return BookingThroughput.FIRST_MONTH
        .plusMonths(k / 40)
        .atDay(1)
        .atStartOfDay()
        .toInstant(ZoneOffset.UTC)
        .plus(Duration.ofMinutes(30L * (k % 40)));
  }

  private static String requestBody(BookingThroughput.Pair pair, Instant slot) {
    return Json.createObjectBuilder()
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
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private HttpRequest get(String path, String user) {
    return HttpRequest.newBuilder(uri(path))
        .header("Authorization", BookingThroughput.basic(user))
        .timeout(Duration.ofSeconds(60))
        .build();
  }

  private HttpRequest post(String path, String user, String body) {
    return HttpRequest.newBuilder(uri(path))
        .header("Authorization", BookingThroughput.basic(user))
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static String field(String json, String name) {
    JsonObject object = Json.createReader(new StringReader(json)).readObject();
    return object.isNull(name) ? null : object.getString(name);
  }

  /** The last part of a problem's type, or the start of the body when it is not a problem. */
  private static String problemType(String body) {
    try {
      String type = Json.createReader(new StringReader(body)).readObject().getString("type", "");
      return type.substring(type.lastIndexOf('/') + 1);
    } catch (RuntimeException notJson) {
      return "(" + body.substring(0, Math.min(40, body.length())).replaceAll("\\s+", " ") + ")";
    }
  }

  private Sample sample(long start, ServerMemory memory, Connection database) throws Exception {
    int connections = 0;
    int active = 0;
    try (Statement s = database.createStatement();
        ResultSet r =
            s.executeQuery(
                "select state, count(*) from pg_stat_activity where backend_type = 'client backend'"
                    + " and pid <> pg_backend_pid() group by state")) {
      while (r.next()) {
        connections += r.getInt(2);
        if (!"idle".equals(r.getString(1))) {
          active += r.getInt(2);
        }
      }
    }
    return new Sample(
        (System.nanoTime() - start) / 60e9,
        memory.heapAfterGcMb(),
        memory.heapUsedMb(),
        memory.collections(),
        connections,
        active,
        inFlight.get(),
        answered.sum());
  }

  private static void writeSamples(List<Sample> samples, ServerMemory memory) throws Exception {
    StringBuilder csv =
        new StringBuilder(
            "minute,heap_after_gc_mb,heap_used_mb,collections,connections,active_connections,"
                + "in_flight,answered\n");
    for (Sample s : samples) {
      csv.append(
          String.format(
              Locale.ROOT,
              "%.3f,%.1f,%.1f,%d,%d,%d,%d,%d%n",
              s.minute(),
              s.heapAfterGcMb(),
              s.heapUsedMb(),
              s.collections(),
              s.connections(),
              s.activeConnections(),
              s.inFlight(),
              s.answered()));
    }
    Files.writeString(Path.of("target", "bench", "soak-samples.csv"), csv);
    Files.writeString(Path.of("target", "bench", "soak-collections.csv"), memory.collectionsCsv());
  }

  private int report(
      long scheduled,
      long unfinished,
      List<Sample> samples,
      ServerMemory memory,
      List<double[]> live,
      Duration serverCpu,
      double seconds) {
    double steadyMinute = settings.warmupSeconds() / 60.0;
    List<Sample> steady = samples.stream().filter(s -> s.minute() >= steadyMinute).toList();
    // The heap from the first full collection on: a sample before it still holds the warm-up's
    // garbage. The sampler makes that collection itself, so no sample is taken during it.
    double firstFull = live.isEmpty() ? steadyMinute : live.get(0)[0];
    List<double[]> heap =
        steady.stream()
            .filter(s -> s.minute() > firstFull && !Double.isNaN(s.heapAfterGcMb()))
            .map(s -> new double[] {s.minute(), s.heapAfterGcMb()})
            .toList();
    double heapSlope = slope(heap);
    double liveSlope = slope(live);
    double connectionSlope =
        slope(steady.stream().map(s -> new double[] {s.minute(), s.connections()}).toList());
    System.out.printf(
        Locale.ROOT,
        "%nSoak: %.1f min at %.1f operations/s (%d scheduled, %d answered, at most %d in flight),"
            + " the first %d s warm-up%n",
        settings.minutes(),
        settings.rate(),
        scheduled,
        answered.sum(),
        maxInFlight.get(),
        settings.warmupSeconds());
    System.out.printf(
        Locale.ROOT,
        "Payara Micro CPU: %.2f cores on average (%.1f s over %.0f s)%n",
        serverCpu.toMillis() / 1000.0 / seconds,
        serverCpu.toMillis() / 1000.0,
        seconds);
    System.out.println(
        "\n| operation | count | p50 | p95 | p99 | max | p99 from sending |\n"
            + "|---|---:|---:|---:|---:|---:|---:|");
    for (Op op : Op.values()) {
      Histogram h = fromSchedule.get(op);
      System.out.printf(
          Locale.ROOT,
          "| `%s` | %d | %s | %s | %s | %s | %s |%n",
          op.call,
          h.getTotalCount(),
          millis(h.getValueAtPercentile(50)),
          millis(h.getValueAtPercentile(95)),
          millis(h.getValueAtPercentile(99)),
          millis(h.getMaxValue()),
          millis(fromSend.get(op).getValueAtPercentile(99)));
    }
    System.out.println("\nAnswers by operation, status and problem type (whole run):");
    new TreeMap<>(outcomes)
        .forEach((key, count) -> System.out.printf("  %-60s %d%n", key, count.sum()));
    skipped.forEach(
        (op, count) ->
            System.out.printf("  %-60s %d%n", op + " not sent (nothing to act on)", count.sum()));
    Map<String, Long> byClass =
        outcomes.entrySet().stream()
            .collect(
                Collectors.groupingBy(
                    e -> e.getKey().split(" ")[1].charAt(0) + "xx",
                    TreeMap::new,
                    Collectors.summingLong(e -> e.getValue().sum())));
    System.out.println("By class: " + byClass);
    System.out.printf(
        Locale.ROOT,
        "Heap after GC over the steady part: %.0f → %.0f MB, slope %.2f MB/min (limit %.2f);"
            + " after the %d full collections: %s MB, slope %.2f MB/min; %d collections in all%n",
        heap.isEmpty() ? Double.NaN : heap.get(0)[1],
        heap.isEmpty() ? Double.NaN : heap.get(heap.size() - 1)[1],
        heapSlope,
        settings.maxHeapSlope(),
        live.size(),
        live.stream()
            .map(l -> String.format(Locale.ROOT, "%.0f", l[1]))
            .collect(Collectors.joining(", ")),
        liveSlope,
        memory.collections());
    System.out.printf(
        Locale.ROOT,
        "Database connections over the steady part: %d → %d, at most %d, slope %.2f a minute"
            + " (limit %.2f)%n",
        steady.isEmpty() ? -1 : steady.get(0).connections(),
        steady.isEmpty() ? -1 : steady.get(steady.size() - 1).connections(),
        steady.stream().mapToInt(Sample::connections).max().orElse(-1),
        connectionSlope,
        settings.maxConnectionSlope());
    List<String> failures = new ArrayList<>();
    if (serverErrors.sum() > 0) {
      failures.add(serverErrors.sum() + " answers 5xx");
    }
    if (transportErrors.sum() > 0) {
      failures.add(transportErrors.sum() + " calls failed without an answer");
    }
    if (unfinished > 0) {
      failures.add(unfinished + " operations not answered 2 minutes after the end");
    }
    if (!(heapSlope <= settings.maxHeapSlope())) {
      failures.add(String.format(Locale.ROOT, "heap after GC grows %.2f MB/min", heapSlope));
    }
    if (!(connectionSlope <= settings.maxConnectionSlope())) {
      failures.add(String.format(Locale.ROOT, "connections grow %.2f a minute", connectionSlope));
    }
    System.out.println(failures.isEmpty() ? "SOAK PASSED" : "SOAK FAILED: " + failures);
    return failures.isEmpty() ? 0 : 1;
  }

  private static String millis(long micros) {
    return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
  }

  /** The least-squares slope of points {minute, value}: the value's change per minute. */
  static double slope(List<double[]> points) {
    int n = points.size();
    if (n < 2) {
      return Double.NaN;
    }
    double meanX = points.stream().mapToDouble(p -> p[0]).average().orElseThrow();
    double meanY = points.stream().mapToDouble(p -> p[1]).average().orElseThrow();
    double sxy = 0;
    double sxx = 0;
    for (double[] p : points) {
      sxy += (p[0] - meanX) * (p[1] - meanY);
      sxx += (p[0] - meanX) * (p[0] - meanX);
    }
    return sxx == 0 ? Double.NaN : sxy / sxx;
  }

  /**
   * The server's heap, over JMX: the local management agent of the Payara Micro process, started
   * through the attach API (no port, no option on the server's command line). Every collection's
   * notification gives the heap after it.
   */
  static final class ServerMemory implements AutoCloseable, NotificationListener {
    private final JMXConnector connector;
    private final MBeanServerConnection mbeans;
    private final Set<String> heapPools;
    private final MemoryMXBean memory;
    private final AtomicLong collections = new AtomicLong();
    private final StringBuffer collectionsCsv =
        new StringBuffer("at_ms,collector,action,cause,duration_ms,heap_after_mb\n");
    private volatile double heapAfterGcMb = Double.NaN;

    private ServerMemory(JMXConnector connector) throws Exception {
      this.connector = connector;
      this.mbeans = connector.getMBeanServerConnection();
      this.heapPools =
          ManagementFactory.getPlatformMXBeans(mbeans, MemoryPoolMXBean.class).stream()
              .filter(p -> p.getType() == MemoryType.HEAP)
              .map(MemoryPoolMXBean::getName)
              .collect(Collectors.toSet());
      this.memory =
          ManagementFactory.newPlatformMXBeanProxy(
              mbeans, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
      for (ObjectName collector :
          mbeans.queryNames(
              new ObjectName(ManagementFactory.GARBAGE_COLLECTOR_MXBEAN_DOMAIN_TYPE + ",*"),
              null)) {
        mbeans.addNotificationListener(collector, this, null, null);
      }
    }

    static ServerMemory attach(long pid) throws Exception {
      VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
      String address;
      try {
        address = vm.startLocalManagementAgent();
      } finally {
        vm.detach();
      }
      return new ServerMemory(JMXConnectorFactory.connect(new JMXServiceURL(address)));
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
      if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
          notification.getType())) {
        return;
      }
      GarbageCollectionNotificationInfo info =
          GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
      long after = 0;
      for (Map.Entry<String, MemoryUsage> pool :
          info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
        if (heapPools.contains(pool.getKey())) {
          after += pool.getValue().getUsed();
        }
      }
      heapAfterGcMb = after / (1024.0 * 1024);
      collections.incrementAndGet();
      collectionsCsv.append(
          String.format(
              Locale.ROOT,
              "%d,%s,%s,%s,%d,%.1f%n",
              info.getGcInfo().getEndTime(),
              info.getGcName(),
              info.getGcAction(),
              info.getGcCause(),
              info.getGcInfo().getDuration(),
              heapAfterGcMb));
    }

    double heapAfterGcMb() {
      return heapAfterGcMb;
    }

    double heapUsedMb() {
      return memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024);
    }

    long collections() {
      return collections.get();
    }

    String collectionsCsv() {
      return collectionsCsv.toString();
    }

    /** A full collection, then the heap used: what is still reachable. */
    double liveMb() {
      memory.gc();
      return heapUsedMb();
    }

    @Override
    public void close() throws Exception {
      connector.close();
    }
  }
}
