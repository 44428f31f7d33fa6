package io.crossroads.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossroads.people.MeetingFormat;
import io.crossroads.requests.RequestViews.NewRequest;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.transaction.xa.XAException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class ProblemsTest {

  static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

  @Test
  void aRefusalBecomesItsOwnProblemType() {
    Problem problem = Problems.from(new Refusal(ProblemType.SLOT_TAKEN, "Leo is busy then."));

    assertThat(problem.type()).isEqualTo("/problems/slot-taken");
    assertThat(problem.status()).isEqualTo(409);
    assertThat(problem.detail()).isEqualTo("Leo is busy then.");
  }

  @Test
  void aRefusalWrappedByTheContainerIsStillFound() {
    Problem problem =
        Problems.from(
            new RuntimeException(new IllegalStateException(Refusal.notFound("The request"))));

    assertThat(problem.status()).isEqualTo(404);
  }

  @Test
  void aLostCompareAndSwapIsAConflict() {
    Problem problem = Problems.from(new PersistenceException(new OptimisticLockException("stale")));

    assertThat(problem.status()).isEqualTo(409);
    assertThat(problem.type()).isEqualTo("/problems/concurrent-update");
  }

  @Test
  void unreadableJsonIsABadRequest() {
    assertThat(Problems.from(new JsonbException("Unexpected char")).status()).isEqualTo(400);
  }

  @Test
  void anUnexpectedFailureIsA500ThatRevealsNothing() {
    Problem problem = Problems.from(new NullPointerException("secret.internal.Field was null"));

    assertThat(problem.status()).isEqualTo(500);
    assertThat(problem.toJson()).doesNotContain("secret", "NullPointer", "Exception");
    assertThat(problem.detail()).contains("incident");
  }

  @Test
  void aDatabaseThatCannotBeReachedIsA503ThatSaysWhenToTryAgainAndNothingMore() {
    SQLException refused =
        new PSQLException(
            "Connection to 10.1.2.3:5432 refused. Check that the hostname and port are correct",
            PSQLState.CONNECTION_UNABLE_TO_CONNECT);
    SQLException reset =
        new PSQLException(
            "An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE);
    // What the container's pool throws when it cannot open a connection or none comes free.
    SQLException pool =
        new SQLException(
            "Error in allocating a connection. Cause: In-use connections equal max-pool-size and"
                + " expired max-wait-time. Cannot allocate more connections.",
            new ResourceAllocationException("max-wait-time expired"));
    for (Throwable thrown :
        List.of(
            new PersistenceException(
                new JDBCConnectionException("could not execute statement", refused)),
            new PersistenceException(reset),
            new PersistenceException(
                new GenericJDBCException("Unable to acquire JDBC Connection", pool)),
            new RuntimeException(new SQLTransientConnectionException("timed out")),
            committing())) {
      Problem problem = Problems.from(thrown);

      assertThat(problem.status()).as(thrown.toString()).isEqualTo(503);
      assertThat(problem.type()).isEqualTo("/problems/service-unavailable");
      assertThat(Problems.retryAfter(problem)).contains(5L);
      assertThat(problem.toJson())
          .doesNotContain("10.1.2.3", "refused", "pool", "allocat", "SQL", "Exception");
    }
  }

  /**
   * The connection lost between the last statement and the commit, as the container reports it: the
   * driver's error only in the text of the resource's XAException.
   */
  static Throwable committing() {
    SystemException system = new SystemException();
    system.initCause(
        new XAException(
            "jakarta.resource.spi.LocalTransactionException: An I/O error occurred while sending"
                + " to the backend."));
    return new TransactionalException(
        "Managed bean with Transactional annotation and TxType of REQUIRED encountered exception"
            + " during commit jakarta.transaction.SystemException",
        system);
  }

  @Test
  void aDatabaseThatAnswersWithAnErrorIsNotCalledUnreachable() {
    Problem problem =
        Problems.from(
            new PersistenceException(
                new GenericJDBCException(
                    "could not execute query",
                    new PSQLException("syntax error at or near", PSQLState.SYNTAX_ERROR))));

    assertThat(problem.status()).isEqualTo(500);
    assertThat(Problems.retryAfter(problem)).isEmpty();
  }

  @Test
  void onlyRefusalsThatPassByThemselvesSayWhenToTryAgain() {
    assertThat(Problems.retryAfter(Problem.of(ProblemType.IDENTITY_PROVIDER_UNAVAILABLE, "Later.")))
        .contains(10L);
    // Missing configuration does not pass by waiting.
    assertThat(Problems.retryAfter(Problem.of(ProblemType.NOTES_UNAVAILABLE, "No key."))).isEmpty();
    assertThat(Problems.retryAfter(Problem.of(ProblemType.CONFLICT, "Stale."))).isEmpty();
  }

  @Test
  void validationNamesEachFieldTheWayTheCallerWroteIt() {
    NewRequest body =
        new NewRequest(
            null,
            20,
            MeetingFormat.VIDEO,
            "I am Ava",
            " ",
            "Your talk",
            null,
            Arrays.asList(Instant.parse("2020-01-01T10:00:00Z"), null));

    Problem problem = Problems.from(new ConstraintViolationException(VALIDATOR.validate(body)));

    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.type()).isEqualTo("/problems/validation-failed");
    assertThat(problem.errors())
        .extracting(Problem.FieldError::field)
        .containsExactly("leaderId", "learn", "proposedSlots[0]", "proposedSlots[1]");
  }

  /** A body that is a list of objects, as some endpoints take. */
  record Item(@jakarta.validation.constraints.Size(max = 5, message = "too long") String note) {}

  static class Endpoint {
    public void refer(
        @jakarta.validation.Valid
            java.util.List<
                    @jakarta.validation.Valid
                    @jakarta.validation.constraints.NotNull(message = "an item") Item>
                referrals) {}
  }

  @Test
  void anElementOfAListBodyKeepsItsIndexInTheFieldName() throws Exception {
    var violations =
        VALIDATOR
            .forExecutables()
            .validateParameters(
                new Endpoint(),
                Endpoint.class.getMethod("refer", java.util.List.class),
                new Object[] {Arrays.asList(new Item("fine"), new Item("far too long"), null)});

    assertThat(Problems.from(new ConstraintViolationException(violations)).errors())
        .extracting(Problem.FieldError::field)
        .containsExactly("referrals[1].note", "referrals[2]");
  }

  @Test
  void aRefusalNamingAFieldKeepsItsOwnType() {
    Problem problem =
        new Refusal(ProblemType.SAME_DIVISION, "Same division.")
            .at("referrals[1].personId")
            .problem();

    assertThat(problem.type()).isEqualTo("/problems/same-division");
    assertThat(problem.status()).isEqualTo(409);
    assertThat(problem.errors())
        .extracting(Problem.FieldError::field)
        .containsExactly("referrals[1].personId");
  }

  @Test
  void aValidRequestBodyHasNoViolations() {
    NewRequest body =
        new NewRequest(
            UUID.randomUUID(),
            20,
            MeetingFormat.VIDEO,
            "I am Ava",
            "How you plan",
            "Your talk",
            null,
            List.of(Instant.now().plusSeconds(86_400), Instant.now().plusSeconds(172_800)));

    assertThat(VALIDATOR.validate(body)).isEmpty();
  }

  @Test
  void theJsonFollowsRfc9457AndLeavesOutEmptyMembers() {
    String json = Problem.of(ProblemType.NOT_FOUND, "Nothing here.").at("/api/x").toJson();

    assertThat(json)
        .isEqualTo(
            "{\"type\":\"/problems/not-found\",\"title\":\"Not found\","
                + "\"status\":404,\"detail\":\"Nothing here.\",\"instance\":\"/api/x\"}");
  }
}
