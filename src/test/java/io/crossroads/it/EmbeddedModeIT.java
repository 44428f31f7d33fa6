package io.crossroads.it;

import static io.crossroads.it.Api.json;
import static io.crossroads.it.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.crossroads.demo.DemoOrganisation;
import io.crossroads.demo.DemoOrganisation.PersonSeed;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The README's run mode, as a user gets it: Payara Micro with no database configured uses an H2
 * file database in the data directory, generates the demo organisation once (the run profile asks
 * for it), and keeps what users did across a restart. Without that flag, as the container image
 * starts, there is no demo.
 */
class EmbeddedModeIT {

  static final String NOTE = "Ask about the pricing team's roadmap";

  static final Duration BOOT_TIMEOUT = Duration.ofMinutes(4);

  /** What {@code mvn -Prun} gives Payara Micro (pom.xml), with a data directory of its own. */
  static Map<String, String> runProfile(Path dataDir) {
    return Map.of("crossroads.data-dir", dataDir.toString(), "crossroads.demo.enabled", "true");
  }

  @Test
  void withoutTheDemoFlagAnEmptyDatabaseGetsNoDemoUsersAndTheSignInPageNoHints() throws Exception {
    Path work = Path.of(System.getProperty("crossroads.it.work"), "image-" + UUID.randomUUID());
    Path dataDir = work.resolve("data");
    Files.createDirectories(dataDir);
    int port = PayaraMicroProcess.freePort();
    Api api = new Api(URI.create("http://127.0.0.1:" + port + "/"));

    // As the container image starts: no database configured, no demo flag.
    try (PayaraMicroProcess image =
        PayaraMicroProcess.start(
            work, port, "image", Map.of("crossroads.data-dir", dataDir.toString()))) {
      image.awaitReady(api, BOOT_TIMEOUT);
      assertThat(api.get(null, "health/ready").body()).contains("H2");
      assertProblem(api.get("ava", "api/me"), 401, "unauthenticated");
      assertProblem(api.get("hana", "api/people?limit=1"), 401, "unauthenticated");
      assertThat(image.log()).doesNotContain("Demo organisation created");

      Api.Reply hints = api.get(null, "login/demo");
      assertThat(hints.status()).isEqualTo(200);
      assertThat(hints.json().getBoolean("demo")).isFalse();
      assertThat(hints.body()).doesNotContain("ava", "hana", "password");
      Api.Reply page = api.get(null, "login.html");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("<form").doesNotContain("<code>ava</code>", "Demo:");
    }

    try (java.sql.Connection h2 =
            java.sql.DriverManager.getConnection(
                "jdbc:h2:file:" + dataDir.resolve("crossroads"), "crossroads", "");
        java.sql.ResultSet people =
            h2.createStatement()
                .executeQuery(
                    "select (select count(*) from person) + (select count(*) from credential)")) {
      assertThat(people.next()).isTrue();
      assertThat(people.getLong(1)).as("people and passwords in the database").isZero();
    }
  }

  @Test
  void theEmbeddedModeServesTheDemoOrganisationAndKeepsAnInterviewAcrossARestart()
      throws Exception {
    Path work = Path.of(System.getProperty("crossroads.it.work"), "embedded-" + UUID.randomUUID());
    Path dataDir = work.resolve("data");
    Files.createDirectories(dataDir);
    int port = PayaraMicroProcess.freePort();
    Api api = new Api(URI.create("http://127.0.0.1:" + port + "/"));

    // The directory lists the people still employed: all but the demo's leavers.
    long employed =
        DemoOrganisation.generate(2000).people().stream().filter(PersonSeed::active).count();
    assertThat(employed).isLessThan(2000);
    String interviewId;
    try (PayaraMicroProcess first =
        PayaraMicroProcess.start(work, port, "first", runProfile(dataDir))) {
      first.awaitReady(api, BOOT_TIMEOUT);
      assertThat(api.get(null, "health/ready").body()).contains("H2");
      assertThat(first.log()).contains("Demo organisation created: 2000 people");
      assertThat(api.get("ava", "api/people?limit=1").json().getInt("total")).isEqualTo(employed);
      assertThat(api.get("ava", "api/divisions").array()).hasSize(8);
      Api.Reply hints = api.get(null, "login/demo");
      assertThat(hints.json().getBoolean("demo")).isTrue();
      assertThat(hints.body()).contains("\"ava\"", "\"hana\"", "\"password\":\"demo\"");

      String leo = api.get("leo", "api/me").string("id");
      Slots open = new Slots(api, "ava", leo, Instant.now().plus(Duration.ofDays(2)));
      List<String> slots =
          List.of(open.next().toString(), open.next().toString(), open.next().toString());
      Api.Reply sent =
          api.post(
              "ava",
              "api/requests",
              json(
                  "leaderId",
                  leo,
                  "length",
                  20,
                  "format",
                  "VIDEO",
                  "intro",
                  "I am Ava, an analyst in Finance.",
                  "learn",
                  "How a platform team decides what to build next",
                  "whyYou",
                  "Your talk on internal platforms",
                  "proposedSlots",
                  slots));
      assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
      Api.Reply accepted =
          api.post(
              "leo", "api/requests/" + sent.string("id") + "/accept", json("start", slots.get(1)));
      assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
      interviewId = accepted.string("interviewId");
      // Private notes in the embedded mode: sealed with a key the instance made for itself.
      assertThat(
              api.put("ava", "api/interviews/" + interviewId + "/notes", json("text", NOTE))
                  .status())
          .isEqualTo(200);
    }

    // Stopped, the database file holds the notes only as ciphertext; the key lies beside it.
    assertThat(dataDir.resolve("notes.key")).exists();
    try (java.sql.Connection h2 =
            java.sql.DriverManager.getConnection(
                "jdbc:h2:file:" + dataDir.resolve("crossroads"), "crossroads", "");
        java.sql.ResultSet note =
            h2.createStatement()
                .executeQuery("select ciphertext, nonce, key_id from private_note")) {
      assertThat(note.next()).isTrue();
      assertThat(note.getString("ciphertext") + note.getString("nonce") + note.getString("key_id"))
          .doesNotContain("pricing");
    }

    try (PayaraMicroProcess second =
        PayaraMicroProcess.start(work, port, "second", runProfile(dataDir))) {
      second.awaitReady(api, BOOT_TIMEOUT);
      Api.Reply interview = api.get("ava", "api/interviews/" + interviewId);
      assertThat(interview.status()).isEqualTo(200);
      assertThat(interview.string("status")).isEqualTo("SCHEDULED");
      assertThat(api.get("ava", "api/people?limit=1").json().getInt("total"))
          .as("the demo organisation is generated once")
          .isEqualTo(employed);
      assertThat(second.log()).doesNotContain("Demo organisation created");
      assertThat(api.get("ava", "api/interviews/" + interviewId + "/notes").string("text"))
          .as("the notes open again after a restart")
          .isEqualTo(NOTE);
    }
  }
}
