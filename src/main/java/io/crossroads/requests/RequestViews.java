package io.crossroads.requests;

import io.crossroads.people.MeetingFormat;
import io.crossroads.people.PeopleViews.PersonRef;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the request endpoints read and write. */
public final class RequestViews {

  private RequestViews() {}

  public record NewRequest(
      @NotNull(message = "pick a leader") UUID leaderId,
      @NotNull(message = "one of the program's meeting lengths, in minutes") Integer length,
      @NotNull(message = "VIDEO, PHONE or IN_PERSON") MeetingFormat format,
      @NotBlank(message = "say who you are") @Size(max = 2000, message = "at most 2000 characters")
          String intro,
      @NotBlank(message = "say what you want to learn")
          @Size(max = 2000, message = "at most 2000 characters")
          String learn,
      @NotBlank(message = "say why this leader")
          @Size(max = 2000, message = "at most 2000 characters")
          String whyYou,
      UUID referralId,
      @NotNull(message = "propose 2 to 5 times")
          @Size(min = 2, max = 5, message = "propose 2 to 5 times")
          List<
                  @NotNull(message = "must be a time") @Future(message = "must be in the future")
                  Instant>
              proposedSlots) {}

  /**
   * A request as far as it is written, for coaching while the employee types: nothing is required.
   * The other fields of a request may come along and are not read.
   */
  public record Draft(
      UUID leaderId,
      @Size(max = 2000, message = "at most 2000 characters") String intro,
      @Size(max = 2000, message = "at most 2000 characters") String learn,
      @Size(max = 2000, message = "at most 2000 characters") String whyYou,
      UUID referralId) {}

  /** The advice on a draft; it never blocks sending. */
  public record CoachingView(List<Coaching.Note> coaching) {}

  public record Counter(
      @NotNull(message = "propose 1 to 5 times")
          @Size(min = 1, max = 5, message = "propose 1 to 5 times")
          List<
                  @NotNull(message = "must be a time") @Future(message = "must be in the future")
                  Instant>
              proposedSlots,
      @Size(max = 2000, message = "at most 2000 characters") String note) {}

  public record Redirect(
      @NotNull(message = "the colleague to redirect to") UUID leaderId,
      @Size(max = 2000, message = "at most 2000 characters") String note) {}

  /**
   * A leader a request could be redirected to: what the directory and their profile show anyone,
   * nothing about the employee.
   */
  public record Colleague(
      UUID id,
      String displayName,
      String title,
      UUID divisionId,
      String divisionName,
      List<String> topics) {}

  public record FollowUp(
      @NotBlank(message = "a short, friendly message")
          @Size(max = 2000, message = "at most 2000 characters")
          String message) {}

  public record Accept(@NotNull(message = "pick one of the proposed times") Instant start) {}

  /** A decline or a withdrawal: the reason is optional but kind. */
  public record Reason(@Size(max = 2000, message = "at most 2000 characters") String reason) {}

  public record Event(Instant at, String type, UUID actorId, String note) {}

  public record RequestView(
      UUID id,
      RequestStatus status,
      PersonRef requester,
      PersonRef leader,
      int length,
      MeetingFormat format,
      String intro,
      String learn,
      String whyYou,
      UUID referralId,
      CitedReferrals.Suggestion suggestion,
      List<Instant> proposedSlots,
      Instant createdAt,
      Instant lastAttemptAt,
      Instant answeredAt,
      int followUps,
      UUID redirectedFrom,
      UUID referredBy,
      UUID interviewId,
      List<Coaching.Note> coaching,
      List<Event> history) {}
}
