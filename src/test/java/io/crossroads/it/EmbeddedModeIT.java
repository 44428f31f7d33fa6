package io.crossroads.it;

import static io.crossroads.it.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The README's run mode, as a user gets it: Payara Micro with no database configured uses an H2
 * file database in the data directory, generates the demo organisation once, and keeps what users
 * did across a restart.
 */
class EmbeddedModeIT {

  static final Duration BOOT_TIMEOUT = Duration.ofMinutes(4);

  @Test
  void theEmbeddedModeServesTheDemoOrganisationAndKeepsAnInterviewAcrossARestart() throws Exception {
    Path work = Path.of(System.getProperty("crossroads.it.work"), "embedded-" + UUID.randomUUID());
    Path dataDir = work.resolve("data");
    Files.createDirectories(dataDir);
    int port = freePort();
    Api api = new Api(URI.create("http://127.0.0.1:" + port + "/"));

    String interviewId;
    try (PayaraMicro first = PayaraMicro.start(work, dataDir, port, "first")) {
      first.awaitReady(api, BOOT_TIMEOUT);
      assertThat(api.get(null, "health/ready").body()).contains("H2");
      assertThat(first.log()).contains("Demo organisation created: 2000 people");
      assertThat(api.get("ava", "api/people?limit=1").json().getInt("total")).isEqualTo(2000);
      assertThat(api.get("ava", "api/divisions").array()).hasSize(8);

      String leo = api.get("leo", "api/me").string("id");
      Slots open = new Slots(api, "ava", leo, Instant.now().plus(Duration.ofDays(2)));
      List<String> slots = List.of(open.next().toString(), open.next().toString(), open.next().toString());
      Api.Reply sent = api.post("ava", "api/requests", json("leaderId", leo, "length", 20,
          "format", "VIDEO", "intro", "I am Ava, an analyst in Finance.",
          "learn", "How a platform team decides what to build next",
          "whyYou", "Your talk on internal platforms", "proposedSlots", slots));
      assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
      Api.Reply accepted = api.post("leo", "api/requests/" + sent.string("id") + "/accept",
          json("start", slots.get(1)));
      assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
      interviewId = accepted.string("interviewId");
    }

    try (PayaraMicro second = PayaraMicro.start(work, dataDir, port, "second")) {
      second.awaitReady(api, BOOT_TIMEOUT);
      Api.Reply interview = api.get("ava", "api/interviews/" + interviewId);
      assertThat(interview.status()).isEqualTo(200);
      assertThat(interview.string("status")).isEqualTo("SCHEDULED");
      assertThat(api.get("ava", "api/people?limit=1").json().getInt("total"))
          .as("the demo organisation is generated once").isEqualTo(2000);
      assertThat(second.log()).doesNotContain("Demo organisation created");
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** One Payara Micro process running the WAR as the README's run command does. */
  static final class PayaraMicro implements AutoCloseable {
    private final Process process;
    private final Path log;

    private PayaraMicro(Process process, Path log) {
      this.process = process;
      this.log = log;
    }

    static PayaraMicro start(Path work, Path dataDir, int port, String name) throws IOException {
      Path log = work.resolve(name + ".log");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process process = new ProcessBuilder(java, "-Xmx768m",
          "-Djava.io.tmpdir=" + work, "-Dcrossroads.data-dir=" + dataDir,
          "-jar", System.getProperty("payara.microJar"),
          "--deploy", System.getProperty("crossroads.it.war"), "--contextroot", "/",
          "--port", Integer.toString(port), "--nocluster")
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      return new PayaraMicro(process, log);
    }

    void awaitReady(Api api, Duration timeout) throws Exception {
      Instant deadline = Instant.now().plus(timeout);
      while (Instant.now().isBefore(deadline)) {
        if (!process.isAlive()) {
          throw new IllegalStateException("Payara Micro exited:\n" + log());
        }
        try {
          if (api.get(null, "health/ready").status() == 200) {
            return;
          }
        } catch (RuntimeException notYet) {
          // not listening yet
        }
        Thread.sleep(500);
      }
      throw new IllegalStateException("Payara Micro was not ready within " + timeout + ":\n" + log());
    }

    String log() throws IOException {
      return Files.readString(log);
    }

    @Override
    public void close() throws Exception {
      process.destroy();
      if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }
}
