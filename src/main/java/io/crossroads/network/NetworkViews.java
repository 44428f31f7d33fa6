package io.crossroads.network;

import io.crossroads.people.MeetingFormat;
import io.crossroads.people.PeopleViews.PersonRef;
import io.crossroads.people.Person;
import io.crossroads.platform.api.Page;
import io.crossroads.requests.Awaiting;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the network endpoints read and write. */
public final class NetworkViews {

  private NetworkViews() {}

  /** A thank-you to the leader. */
  public record ThankYouBody(
      @NotBlank(message = "a few words of thanks")
          @Size(max = 4000, message = "at most 4000 characters")
          String message) {}

  public record ThankYouView(UUID interviewId, Instant sentAt, boolean onTime) {}

  /** One person the leader names. */
  public record Named(
      @NotNull(message = "the person to talk to") UUID personId,
      boolean mayUseName,
      @Size(max = 2000, message = "at most 2000 characters") String note) {}

  /** A referral as the employee sees it, with what became of it. */
  public record ReferralView(
      UUID id,
      UUID interviewId,
      PersonRef referredBy,
      PersonRef person,
      boolean mayUseName,
      String note,
      int depth,
      Instant createdAt,
      Referrals.Outcome outcome) {

    static ReferralView of(Referral r, Person referrer, Person person, Referrals.Outcome outcome) {
      return new ReferralView(
          r.id(),
          r.interviewId(),
          PersonRef.of(referrer),
          PersonRef.of(person),
          r.mayUseName(),
          r.note(),
          r.depth(),
          r.createdAt(),
          outcome);
    }
  }

  /** The leader's feedback after a held interview. */
  public record FeedbackBody(
      boolean talentPool,
      @Size(max = LeaderFeedback.MAX_STRENGTHS, message = "at most 8 strengths")
          List<@NotBlank(message = "a strength in a few words") String> strengths,
      @Size(max = 2000, message = "at most 2000 characters") String note,
      boolean offerMentoring) {}

  public record FeedbackView(
      UUID interviewId,
      PersonRef leader,
      boolean talentPool,
      List<String> strengths,
      String note,
      boolean mentoringOffered,
      Instant givenAt) {

    static FeedbackView of(LeaderFeedback feedback, PersonRef leader, boolean mentoringOffered) {
      return new FeedbackView(
          feedback.interviewId(),
          leader,
          feedback.talentPool(),
          feedback.strengths(),
          feedback.note(),
          mentoringOffered,
          feedback.givenAt());
    }
  }

  /** The employee's private notes on an interview. */
  public record NotesBody(
      @NotNull(message = "the text, empty to clear")
          @Size(max = PrivateNote.MAX_LENGTH, message = "at most 20000 characters")
          String text) {}

  public record NotesView(UUID interviewId, String text, Instant updatedAt) {}

  /** A contact as the employee sees them. */
  public record ContactView(
      PersonRef person,
      Instant metAt,
      Instant lastTouch,
      Instant nextTouchDue,
      int cadenceDays,
      LocalDate snoozedUntil,
      boolean stopped,
      boolean due,
      int touchesDue,
      int touchesOnTime) {}

  /**
   * What needs the employee, for their home: each list the most pressing first, at most a few items
   * with the total; the next interview, if any. Only the caller's own, as the employee.
   */
  public record AgendaView(
      Page<Awaiting.CounterProposal> counterProposals,
      Page<Awaiting.FollowUpDue> followUpsDue,
      Page<ThankYouDue> thankYous,
      Page<ContactDue> contactsDue,
      NextInterview nextInterview) {}

  /** A held interview not thanked for yet; thanks until {@code onTimeUntil} count as on time. */
  public record ThankYouDue(
      UUID interviewId, PersonRef leader, Instant endedAt, Instant onTimeUntil) {}

  /** A contact to touch base with, due since {@code nextTouchDue}. */
  public record ContactDue(PersonRef person, Instant lastTouch, Instant nextTouchDue) {}

  /** The employee's next scheduled interview, possibly under way. */
  public record NextInterview(
      UUID interviewId,
      PersonRef leader,
      Instant start,
      Instant end,
      int length,
      MeetingFormat format) {}

  public record TouchBody(@Size(max = 2000, message = "at most 2000 characters") String note) {}

  public record TouchView(PersonRef person, Instant at, boolean onTime, String note) {}

  public record ContactChange(
      @NotNull(message = "every how many days")
          @Min(value = 7, message = "at least every 7 days")
          @Max(value = 365, message = "at most every 365 days")
          Integer cadenceDays,
      LocalDate snoozedUntil,
      boolean stopped) {}

  public record ConsentBody(@NotNull(message = "true or false") Boolean visibleToHr) {}

  public record ConsentView(boolean visibleToHr, Instant changedAt) {}

  public record DigestBody(@NotNull(message = "true or false") Boolean weekly) {}

  public record DigestView(boolean weekly) {}

  public record MentoringAnswer(@NotNull(message = "true or false") Boolean accepted) {}

  public record MentoringView(
      UUID interviewId, PersonRef leader, Instant offeredAt, String answer, Instant answeredAt) {}

  /** What leaders said about the caller, and whether HR may see the flags. */
  public record TalentView(
      ConsentView consent, List<FeedbackView> feedback, List<MentoringView> mentoring) {}

  /** Everything both parties need in the meeting, and the employee's own notes. */
  public record MeetingView(
      UUID interviewId,
      PersonRef employee,
      PersonRef leader,
      Instant start,
      Instant plannedEnd,
      int length,
      String status,
      String intro,
      String learn,
      String whyYou,
      String suggestedBy,
      String leaderBio,
      List<String> leaderTopics,
      List<String> questions,
      ThankYouView thankYou,
      List<ReferralView> referrals,
      FeedbackView feedback,
      NotesView notes) {}
}
