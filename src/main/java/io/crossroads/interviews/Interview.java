package io.crossroads.interviews;

import io.crossroads.notify.Meeting;
import io.crossroads.people.MeetingFormat;
import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** An informational interview on the calendar, born from an accepted request. */
@Entity
@Table(name = "interview")
public class Interview {

  @Id private UUID id;
  private UUID requestId;
  private UUID employeeId;
  private UUID leaderId;
  private Instant startAt;
  private Instant endAt;

  /** What the interview blocks on the leader's calendar: buffers included, fixed at booking. */
  private Instant blockStart;

  private Instant blockEnd;
  private int lengthMinutes;

  @Enumerated(EnumType.STRING)
  private MeetingFormat format;

  @Enumerated(EnumType.STRING)
  private InterviewStatus status;

  /** The iCalendar SEQUENCE: rises with every change the parties' calendars must see. */
  private int sequence;

  private String cancelReason;
  private Instant createdAt;

  @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
  @JoinColumn(name = "interview_id", nullable = false, updatable = false)
  @OrderBy("at")
  private List<InterviewEvent> history = new ArrayList<>();

  @Version private long version;

  protected Interview() {}

  private Interview(
      UUID requestId,
      UUID employeeId,
      UUID leaderId,
      Instant start,
      int lengthMinutes,
      MeetingFormat format,
      Duration bufferBefore,
      Duration bufferAfter,
      Instant now) {
    this.id = UUID.randomUUID();
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.employeeId = Objects.requireNonNull(employeeId, "employeeId");
    this.leaderId = Objects.requireNonNull(leaderId, "leaderId");
    if (employeeId.equals(leaderId)) {
      throw new IllegalArgumentException("an interview needs two people");
    }
    if (lengthMinutes <= 0) {
      throw new IllegalArgumentException("lengthMinutes must be positive");
    }
    this.startAt = Objects.requireNonNull(start, "start");
    this.lengthMinutes = lengthMinutes;
    this.endAt = start.plus(Duration.ofMinutes(lengthMinutes));
    this.blockStart = start.minus(bufferBefore);
    this.blockEnd = endAt.plus(bufferAfter);
    this.format = Objects.requireNonNull(format, "format");
    this.status = InterviewStatus.SCHEDULED;
    this.sequence = 0;
    this.createdAt = Objects.requireNonNull(now, "now");
  }

  /** Puts an interview on the calendar at {@code start}, blocking the buffers around it. */
  public static Interview schedule(
      UUID requestId,
      UUID employeeId,
      UUID leaderId,
      Instant start,
      int lengthMinutes,
      MeetingFormat format,
      Duration bufferBefore,
      Duration bufferAfter,
      Instant now) {
    return new Interview(
        requestId,
        employeeId,
        leaderId,
        start,
        lengthMinutes,
        format,
        bufferBefore,
        bufferAfter,
        now);
  }

  /**
   * Moves the interview to another start; either party may. The calendar copies follow through a
   * higher SEQUENCE.
   */
  public void reschedule(
      UUID by,
      Instant start,
      String reason,
      Duration bufferBefore,
      Duration bufferAfter,
      Instant now) {
    requireParty(by);
    requireScheduled();
    if (start == null || !start.isAfter(now)) {
      throw Refusal.invalid("start", "must be in the future");
    }
    if (start.equals(startAt)) {
      throw Refusal.invalid("start", "is the current time of the interview");
    }
    startAt = start;
    endAt = start.plus(Duration.ofMinutes(lengthMinutes));
    blockStart = start.minus(bufferBefore);
    blockEnd = endAt.plus(bufferAfter);
    sequence++;
    history.add(new InterviewEvent(InterviewEvent.Type.RESCHEDULED, by, now, reason));
  }

  /**
   * Refuses a move beyond {@code perDay} in any 24 hours, so that neither party can flood the other
   * with calendar updates; the refusal says when the next move is allowed.
   */
  public void requireMoveAllowed(int perDay, Instant now) {
    Instant since = now.minus(Duration.ofDays(1));
    List<Instant> recent =
        history.stream()
            .filter(e -> e.type() == InterviewEvent.Type.RESCHEDULED && e.at().isAfter(since))
            .map(InterviewEvent::at)
            .sorted()
            .toList();
    if (recent.size() >= perDay) {
      Instant allowed = recent.get(recent.size() - perDay).plus(Duration.ofDays(1));
      throw Refusal.tooMany(
          "This interview has moved "
              + recent.size()
              + " times in the last 24 hours; it may move "
              + perDay
              + " times a day.",
          Duration.between(now, allowed));
    }
  }

  /** Calls the interview off; either party may, with a reason the other will read. */
  public void cancel(UUID by, String reason, Instant now) {
    requireParty(by);
    requireScheduled();
    cancelled(by, reason, now);
  }

  /**
   * Calls the interview off for the program, not for either party: the two may no longer be put
   * together. Both read the program's reason.
   */
  public void cancelNoLongerAllowed(String reason, Instant now) {
    requireScheduled();
    cancelled(null, reason, now);
  }

  /**
   * Calls the interview off because {@code leaver}, one of the two, left the company: nobody
   * cancelled it, and the one who stays reads only that the other left.
   */
  public void cancelForLeaver(UUID leaver, Instant now) {
    if (!hasParty(leaver)) {
      throw new IllegalArgumentException("not a party of this interview");
    }
    requireScheduled();
    cancelled(
        null,
        (leaderId.equals(leaver) ? "The leader" : "The employee") + " has left the company.",
        now);
  }

  private void cancelled(UUID by, String reason, Instant now) {
    status = InterviewStatus.CANCELLED;
    cancelReason = reason == null || reason.isBlank() ? null : reason.strip();
    sequence++;
    history.add(new InterviewEvent(InterviewEvent.Type.CANCELLED, by, now, reason));
  }

  /** Records whether the interview took place, once its start has passed. */
  public void recordOutcome(UUID by, boolean held, Instant now) {
    requireParty(by);
    requireScheduled();
    if (now.isBefore(startAt)) {
      throw new Refusal(ProblemType.NOT_YET_HELD, "The interview has not started yet.");
    }
    status = held ? InterviewStatus.HELD : InterviewStatus.NO_SHOW;
    history.add(
        new InterviewEvent(
            held ? InterviewEvent.Type.HELD : InterviewEvent.Type.NO_SHOW, by, now, null));
  }

  private void requireParty(UUID by) {
    if (!hasParty(by)) {
      throw Refusal.forbidden("Only the two parties change an interview.");
    }
  }

  private void requireScheduled() {
    if (status != InterviewStatus.SCHEDULED) {
      throw new Refusal(ProblemType.INTERVIEW_CLOSED, "The interview is " + status + ".");
    }
  }

  public String cancelReason() {
    return cancelReason;
  }

  public boolean hasParty(UUID personId) {
    return employeeId.equals(personId) || leaderId.equals(personId);
  }

  public UUID id() {
    return id;
  }

  public UUID requestId() {
    return requestId;
  }

  public UUID employeeId() {
    return employeeId;
  }

  public UUID leaderId() {
    return leaderId;
  }

  public Instant start() {
    return startAt;
  }

  public Instant end() {
    return endAt;
  }

  public Instant blockStart() {
    return blockStart;
  }

  public Instant blockEnd() {
    return blockEnd;
  }

  public int lengthMinutes() {
    return lengthMinutes;
  }

  public MeetingFormat format() {
    return format;
  }

  public InterviewStatus status() {
    return status;
  }

  public int sequence() {
    return sequence;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public List<InterviewEvent> history() {
    return List.copyOf(history);
  }

  /** The interview as calendars and messages see it. */
  public Meeting meeting() {
    return new Meeting(
        id,
        employeeId,
        leaderId,
        startAt,
        endAt,
        lengthMinutes,
        format.name(),
        sequence,
        status == InterviewStatus.CANCELLED);
  }
}
