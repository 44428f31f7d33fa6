package io.crossroads.platform.problem;

import io.crossroads.platform.metrics.BusinessMetrics;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** An RFC 9457 problem detail, the body of every error response. */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  private static final Jsonb JSON = JsonbBuilder.create();

  /** One invalid field of a validation problem. */
  public record FieldError(String field, String message) {}

  public static Problem of(ProblemType type, String detail) {
    return new Problem(type.uri(), type.title(), type.status(), detail, null, null);
  }

  public static Problem invalid(List<FieldError> errors) {
    ProblemType type = ProblemType.VALIDATION_FAILED;
    String detail =
        errors.size() == 1 ? "One field is invalid." : errors.size() + " fields are invalid.";
    return new Problem(type.uri(), type.title(), type.status(), detail, null, List.copyOf(errors));
  }

  /** The same problem, naming the fields it concerns. */
  public Problem with(List<FieldError> fieldErrors) {
    return new Problem(type, title, status, detail, instance, List.copyOf(fieldErrors));
  }

  public Problem at(String instance) {
    return new Problem(type, title, status, detail, instance, errors);
  }

  /**
   * The body of a problem response. Every problem answered is written here once, so it is counted
   * here, by type.
   */
  public String toJson() {
    BusinessMetrics.problemAnswered(type.substring(type.lastIndexOf('/') + 1));
    return JSON.toJson(this);
  }
}
