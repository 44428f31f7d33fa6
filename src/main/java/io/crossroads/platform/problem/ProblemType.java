package io.crossroads.platform.problem;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of refusal the API can answer with. The slug becomes the problem's {@code type}, so
 * clients can tell one business rule from another without parsing prose.
 */
public enum ProblemType {
  VALIDATION_FAILED(400, "validation-failed", "The request has invalid fields"),
  MALFORMED_REQUEST(400, "malformed-request", "The request body could not be read"),
  UNREADABLE_PATH(400, "unreadable-path", "The address cannot be read"),
  UNAUTHENTICATED(401, "unauthenticated", "Sign in to continue"),
  FORBIDDEN(403, "forbidden", "You are not allowed to do this"),
  NOT_IN_DIRECTORY(403, "not-in-directory", "Your account is not in the directory"),
  NOT_FOUND(404, "not-found", "Not found"),
  METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
  NOT_ACCEPTABLE(406, "not-acceptable", "No acceptable representation"),
  REQUEST_TIMEOUT(408, "request-timeout", "The request body did not arrive in time"),
  PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request is too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
  IDEMPOTENCY_KEY_REUSED(
      422, "idempotency-key-reused", "This Idempotency-Key was used with a different request"),
  CONCURRENT_UPDATE(409, "concurrent-update", "Someone else changed this at the same moment"),
  CONFLICT(409, "conflict", "The change conflicts with the current state"),
  NOT_A_LEADER(409, "not-a-leader", "This person does not take informational interviews"),
  SAME_DIVISION(409, "same-division", "Pick a leader in another division"),
  OWN_MANAGEMENT_CHAIN(
      409, "own-management-chain", "Pick a leader outside your own management chain"),
  SELF_REQUEST(409, "self-request", "You cannot request an interview with yourself"),
  ABOVE_LEVEL_BAND(409, "above-level-band", "The leader is above the program's level band"),
  MET_RECENTLY(409, "met-recently", "This pair met recently"),
  ALREADY_REQUESTED(409, "already-requested", "A request to this leader is already open"),
  NOT_ACCEPTING_REQUESTS(
      409, "not-accepting-requests", "This leader is not accepting requests right now"),
  LENGTH_NOT_OFFERED(409, "length-not-offered", "The leader does not offer this meeting length"),
  FORMAT_NOT_OFFERED(409, "format-not-offered", "The leader does not offer this format"),
  REQUEST_CLOSED(409, "request-closed", "The request is no longer open"),
  NOT_YOUR_TURN(409, "not-your-turn", "The request is waiting for the other party"),
  SLOT_NOT_PROPOSED(409, "slot-not-proposed", "Pick one of the proposed slots"),
  SLOT_IN_PAST(409, "slot-in-past", "That slot has already started"),
  SLOT_TAKEN(409, "slot-taken", "The leader already has an interview at that time"),
  SLOT_UNAVAILABLE(409, "slot-unavailable", "That time is not open in the leader's availability"),
  CAP_REACHED(409, "cap-reached", "The leader's monthly cap is reached"),
  OPEN_REQUEST_LIMIT(
      409, "open-request-limit", "You have as many open requests as the program allows"),
  MONTHLY_REQUEST_LIMIT(
      409,
      "monthly-request-limit",
      "You have sent as many requests this month as the program allows"),
  FOLLOW_UP_TOO_SOON(409, "follow-up-too-soon", "Give the leader more time before following up"),
  FOLLOW_UP_LIMIT(409, "follow-up-limit", "You have followed up as often as the program allows"),
  REDIRECT_INVALID(409, "redirect-invalid", "This colleague cannot take the request"),
  INTERVIEW_CLOSED(409, "interview-closed", "The interview can no longer change"),
  NOT_YET_HELD(409, "not-yet-held", "The interview has not taken place yet"),
  ALREADY_THANKED(409, "already-thanked", "This interview has its thank-you already"),
  REFERRALS_GIVEN(409, "referrals-given", "This interview has its referrals already"),
  FEEDBACK_GIVEN(409, "feedback-given", "This interview has its feedback already"),
  NOT_A_CONTACT(404, "not-a-contact", "This person is not one of your contacts"),
  MENTORING_ANSWERED(409, "mentoring-answered", "This offer has its answer already"),
  NOTES_UNAVAILABLE(503, "notes-unavailable", "Private notes cannot be stored right now"),
  COHORT_NOT_DONE(409, "cohort-not-done", "The cohort round has not finished"),
  NOBODY_TO_MATCH(409, "nobody-to-match", "The cohort round has no employees"),
  COHORT_TOO_SMALL(422, "cohort-too-small", "A cohort round needs at least 5 employees"),
  SYNC_NOT_CONFIGURED(409, "sync-not-configured", "No Keycloak is configured to sync from"),
  MONTH_NOT_OVER(409, "month-not-over", "The month has not ended yet"),
  IDENTITY_PROVIDER_UNAVAILABLE(
      503,
      "identity-provider-unavailable",
      "The identity provider cannot be reached",
      Duration.ofSeconds(10)),
  SERVICE_UNAVAILABLE(
      503, "service-unavailable", "The service cannot answer for a moment", Duration.ofSeconds(5)),
  RATE_LIMITED(429, "rate-limited", "Too many attempts; wait a little"),
  INTERNAL_ERROR(500, "internal-error", "Something went wrong on our side");

  private final int status;
  private final String slug;
  private final String title;
  private final Duration retryAfter;

  ProblemType(int status, String slug, String title) {
    this(status, slug, title, null);
  }

  /** A refusal that passes by itself: answered with {@code Retry-After} in whole seconds. */
  ProblemType(int status, String slug, String title, Duration retryAfter) {
    this.status = status;
    this.slug = slug;
    this.title = title;
    this.retryAfter = retryAfter;
  }

  public int status() {
    return status;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  /** The problem {@code type} URI, relative to the service. */
  public String uri() {
    return "/problems/" + slug;
  }

  /** How long a client should wait before trying again, where waiting is what helps. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The type a problem's {@code type} URI names. */
  public static Optional<ProblemType> of(Problem problem) {
    return Arrays.stream(values()).filter(type -> type.uri().equals(problem.type())).findFirst();
  }

  public static ProblemType forStatus(int status) {
    return switch (status) {
      case 400 -> MALFORMED_REQUEST;
      case 401 -> UNAUTHENTICATED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 406 -> NOT_ACCEPTABLE;
      case 409 -> CONFLICT;
      case 408 -> REQUEST_TIMEOUT;
      case 413 -> PAYLOAD_TOO_LARGE;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 429 -> RATE_LIMITED;
      default -> INTERNAL_ERROR;
    };
  }
}
