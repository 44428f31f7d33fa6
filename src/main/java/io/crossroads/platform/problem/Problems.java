package io.crossroads.platform.problem;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.resource.ResourceException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.SystemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.transaction.xa.XAException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;

/** Turns any exception into the problem the caller should see, and nothing more. */
public final class Problems {

  private static final Logger LOG = Logger.getLogger(Problems.class.getName());

  private static final String RETRY_AFTER = "Retry-After";

  /** When the database's absence was last logged with its cause (nanoTime), or long ago. */
  private static final AtomicLong lastUnreachableLog =
      new AtomicLong(System.nanoTime() - TimeUnit.HOURS.toNanos(1));

  private Problems() {}

  public static Response response(Problem problem) {
    // No challenge here: only the authentication filter knows whether the caller may get one.
    Response.ResponseBuilder response =
        Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.toJson());
    retryAfter(problem).ifPresent(seconds -> response.header(RETRY_AFTER, seconds));
    return response.build();
  }

  /** Answers a request outside JAX-RS (a servlet or a filter) with the problem. */
  public static void write(HttpServletResponse response, Problem problem) throws IOException {
    response.setStatus(problem.status());
    retryAfter(problem).ifPresent(seconds -> response.setHeader(RETRY_AFTER, seconds.toString()));
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(problem.toJson());
  }

  /** Whole seconds, at least one, for a type whose refusal passes by itself. */
  static Optional<Long> retryAfter(Problem problem) {
    return ProblemType.of(problem)
        .flatMap(ProblemType::retryAfter)
        .map(wait -> Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0)));
  }

  /** The problem for an exception that escaped a resource, walking the cause chain. */
  public static Problem from(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof Refusal refusal) {
        return refusal.problem();
      }
      if (lostTheDatabase(t)) {
        unreachableDatabase(thrown);
        return Problem.of(
            ProblemType.SERVICE_UNAVAILABLE,
            "The service cannot reach its data right now; try again in a few seconds.");
      }
      if (t instanceof ConstraintViolationException violations) {
        return fromViolations(violations);
      }
      if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
        return Problem.of(
            ProblemType.CONCURRENT_UPDATE, "Another change got there first. Reload and try again.");
      }
      if (t instanceof org.hibernate.exception.ConstraintViolationException violation) {
        String constraint = String.valueOf(violation.getConstraintName()).toLowerCase();
        if (constraint.contains("ex_interview_leader_overlap")) {
          return Problem.of(ProblemType.SLOT_TAKEN, "The leader already has an interview then.");
        }
        return Problem.of(ProblemType.CONFLICT, "The change conflicts with data saved meanwhile.");
      }
      if (t instanceof JsonbException || t instanceof JsonParsingException) {
        return Problem.of(
            ProblemType.MALFORMED_REQUEST, "The body is not valid JSON for this operation.");
      }
      if (t instanceof ProcessingException && t.getCause() == null) {
        return Problem.of(ProblemType.MALFORMED_REQUEST, "The request body could not be read.");
      }
      if (t instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
        return fromStatus(web.getResponse().getStatus());
      }
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, thrown);
    return Problem.of(
        ProblemType.INTERNAL_ERROR, "The failure was logged as incident " + incident + ".");
  }

  /**
   * Whether this link of a cause chain says the database could not be reached, rather than that it
   * refused something: the driver's connection errors (SQLSTATE class 08: refused, reset, closed),
   * Hibernate's word for them, the container's pool unable to hand out a connection (none could be
   * opened, or none came free within its wait), and a transaction the container could not finish
   * with its one resource, the database (the connection lost at commit: the transaction manager
   * keeps only the resource's {@code XAException}, without the driver's error).
   */
  static boolean lostTheDatabase(Throwable t) {
    if (t instanceof JDBCConnectionException
        || t instanceof SQLTransientConnectionException
        || t instanceof SQLNonTransientConnectionException
        || t instanceof XAException
        || t instanceof SystemException) {
      return true;
    }
    if (t instanceof SQLException sql) {
      String state = sql.getSQLState();
      return (state != null && state.startsWith("08"))
          || sql.getCause() instanceof ResourceException;
    }
    return false;
  }

  /**
   * Logged once a minute at most while it lasts: every request fails the same way, and the
   * readiness check says so too.
   */
  private static void unreachableDatabase(Throwable thrown) {
    long now = System.nanoTime();
    long last = lastUnreachableLog.get();
    if (now - last >= TimeUnit.MINUTES.toNanos(1) && lastUnreachableLog.compareAndSet(last, now)) {
      LOG.log(Level.WARNING, "The database cannot be reached: answering 503 until it can", thrown);
    } else {
      LOG.log(Level.FINE, "The database cannot be reached", thrown);
    }
  }

  public static Problem fromStatus(int status) {
    ProblemType type = ProblemType.forStatus(status);
    String detail =
        switch (status) {
          case 404 -> "There is nothing here, or it is not visible to you.";
          case 405 -> "This resource does not support that method.";
          case 415 -> "Send application/json.";
          case 406 -> "This resource answers application/json.";
          case 401 -> "Sign in with your user name and password.";
          default -> type.title() + ".";
        };
    if (type == ProblemType.INTERNAL_ERROR && status < 500) {
      return new Problem(type.uri(), "Request refused", status, "Request refused.", null, null);
    }
    return Problem.of(type, detail);
  }

  static Problem fromViolations(ConstraintViolationException violations) {
    List<Problem.FieldError> errors =
        violations.getConstraintViolations().stream()
            .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    return Problem.invalid(errors);
  }

  /** {@code create.body.proposedSlots[1].<list element>} becomes {@code proposedSlots[1]}. */
  static String fieldOf(ConstraintViolation<?> violation) {
    List<String> parts = new ArrayList<>();
    String parameter = null;
    for (Path.Node node : violation.getPropertyPath()) {
      switch (node.getKind()) {
        case PARAMETER -> {
          parameter = node.getName();
          parts.clear();
        }
        case PROPERTY, BEAN -> {
          if (node.isInIterable()) {
            // The element of a list the node sits in: its index belongs to the list before it.
            String position = "[" + (node.getIndex() == null ? "" : node.getIndex()) + "]";
            if (!parts.isEmpty()) {
              int last = parts.size() - 1;
              parts.set(last, parts.get(last) + position);
            } else if (parameter != null) {
              parts.add(parameter + position);
            }
          }
          if (node.getName() != null) {
            parts.add(node.getName());
          }
        }
        case CONTAINER_ELEMENT -> {
          Integer index = node.getIndex();
          String position = "[" + (index == null ? "" : index) + "]";
          if (!parts.isEmpty()) {
            int last = parts.size() - 1;
            parts.set(last, parts.get(last) + position);
          } else if (parameter != null) {
            // An element of a list body: the parameter names the list.
            parts.add(parameter + position);
          }
        }
        default -> {}
      }
    }
    if (parts.isEmpty()) {
      return parameter == null ? "body" : parameter;
    }
    return String.join(".", parts);
  }
}
