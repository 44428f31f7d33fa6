package io.crossroads.interviews;

import io.crossroads.people.MeetingFormat;
import io.crossroads.people.PeopleViews.PersonRef;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the interview endpoints read and write. */
public final class InterviewViews {

  private InterviewViews() {}

  /** An interview as its parties see it, with what happened to it since it was scheduled. */
  public record InterviewView(
      UUID id,
      UUID requestId,
      PersonRef employee,
      PersonRef leader,
      Instant start,
      Instant end,
      int length,
      MeetingFormat format,
      InterviewStatus status,
      int sequence,
      String cancelReason,
      List<Event> history) {}

  /** One line of the history: a move with its reason, a cancellation, the outcome. */
  public record Event(Instant at, String type, UUID actorId, String note) {}

  /** A move to another time. */
  public record Reschedule(
      @NotNull(message = "the new start, one of the leader's open slots") Instant start,
      @Size(max = 2000, message = "at most 2000 characters") String reason) {}

  /** Calling an interview off. */
  public record Cancel(@Size(max = 2000, message = "at most 2000 characters") String reason) {}

  /** Whether the interview took place. */
  public record Outcome(
      @NotNull(message = "true if it took place, false for a no-show") Boolean held) {}
}
