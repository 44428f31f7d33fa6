package io.crossroads.platform.problem;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The domain's way of saying no: a rule of the program, the state of a resource, or the caller's
 * rights refuse what was asked. Mapped to a problem response in one place.
 */
public class Refusal extends RuntimeException {

  private final ProblemType type;
  private final List<Problem.FieldError> errors;
  private final Duration retryAfter;

  public Refusal(ProblemType type, String detail) {
    this(type, detail, List.of());
  }

  private Refusal(ProblemType type, String detail, List<Problem.FieldError> errors) {
    this(type, detail, errors, null);
  }

  private Refusal(
      ProblemType type, String detail, List<Problem.FieldError> errors, Duration retryAfter) {
    super(detail, null, false, false);
    this.type = type;
    this.errors = errors;
    this.retryAfter = retryAfter;
  }

  /** Too many attempts: the answer says when to try again ({@code Retry-After}). */
  public static Refusal tooMany(String detail, Duration wait) {
    return new Refusal(ProblemType.RATE_LIMITED, detail, List.of(), wait);
  }

  public static Refusal notFound(String what) {
    return new Refusal(ProblemType.NOT_FOUND, what + " was not found.");
  }

  public static Refusal forbidden(String detail) {
    return new Refusal(ProblemType.FORBIDDEN, detail);
  }

  public static Refusal invalid(String field, String message) {
    return new Refusal(
        ProblemType.VALIDATION_FAILED, message, List.of(new Problem.FieldError(field, message)));
  }

  /** Several invalid fields at once. */
  public static Refusal invalid(List<Problem.FieldError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("no errors");
    }
    return new Refusal(ProblemType.VALIDATION_FAILED, errors.get(0).message(), List.copyOf(errors));
  }

  /** The same refusal, naming the field of the request it concerns. */
  public Refusal at(String field) {
    return new Refusal(type, getMessage(), List.of(new Problem.FieldError(field, getMessage())));
  }

  public ProblemType type() {
    return type;
  }

  /** How long until trying again may succeed, for a refusal that says so. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  public Problem problem() {
    if (errors.isEmpty()) {
      return Problem.of(type, getMessage());
    }
    return type == ProblemType.VALIDATION_FAILED
        ? Problem.invalid(errors)
        : Problem.of(type, getMessage()).with(errors);
  }
}
