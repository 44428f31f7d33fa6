package io.crossroads.requests;

import io.crossroads.interviews.Interview;
import io.crossroads.people.MeetingFormat;
import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
import io.crossroads.program.Eligibility;
import io.crossroads.program.FollowUpPolicy;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An employee's request for an informational interview with a leader of another division. A state
 * machine: each transition checks who asks and from which state, and refuses the rest. The {@link
 * Version} column makes every transition a compare-and-swap when it is written.
 */
@Entity
@Table(name = "interview_request")
public class InterviewRequest {

  public static final int MIN_SLOTS = 2;
  public static final int MAX_SLOTS = 5;

  @Id private UUID id;
  private UUID requesterId;
  private UUID leaderId;

  @Enumerated(EnumType.STRING)
  private RequestStatus status;

  private int lengthMinutes;

  @Enumerated(EnumType.STRING)
  private MeetingFormat format;

  private String intro;
  private String learn;
  private String whyYou;
  private UUID referralId;
  private Instant createdAt;
  private Instant lastAttemptAt;
  private Instant answeredAt;
  private int followUps;

  /** Set on a request a leader redirected here: the original request and who suggested it. */
  private UUID redirectedFrom;

  private UUID referredBy;

  /** The slots on the table, proposed by the employee (or, later, counter-proposed). */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "request_slot", joinColumns = @JoinColumn(name = "request_id"))
  @OrderColumn(name = "position")
  @Column(name = "start_at")
  private List<Instant> slots = new ArrayList<>();

  @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
  @JoinColumn(name = "request_id", nullable = false, updatable = false)
  @OrderBy("at")
  private List<RequestEvent> history = new ArrayList<>();

  @Version private long version;

  protected InterviewRequest() {}

  private InterviewRequest(
      UUID requesterId,
      UUID leaderId,
      int lengthMinutes,
      MeetingFormat format,
      RequestMessage message,
      UUID referralId,
      List<Instant> slots,
      Instant now) {
    this.id = UUID.randomUUID();
    this.requesterId = Objects.requireNonNull(requesterId, "requesterId");
    this.leaderId = Objects.requireNonNull(leaderId, "leaderId");
    if (lengthMinutes <= 0) {
      throw Refusal.invalid("length", "must be a positive number of minutes");
    }
    this.lengthMinutes = lengthMinutes;
    this.format = Objects.requireNonNull(format, "format");
    this.intro = message.intro();
    this.learn = message.learn();
    this.whyYou = message.whyYou();
    this.referralId = referralId;
    this.slots.addAll(checkedSlots(slots, now));
    this.status = RequestStatus.PENDING;
    this.createdAt = now;
    this.lastAttemptAt = now;
    this.history.add(new RequestEvent(RequestEvent.Type.SENT, requesterId, now, null));
  }

  /**
   * A new request, PENDING, with 2–5 distinct future slots, if the program's policy lets the
   * employee ask this leader now.
   */
  public static InterviewRequest propose(
      Eligibility policy,
      Eligibility.Employee employee,
      Eligibility.Leader leader,
      int lengthMinutes,
      MeetingFormat format,
      RequestMessage message,
      UUID referralId,
      List<Instant> slots,
      Instant now) {
    policy.requireAsk(employee, leader);
    return new InterviewRequest(
        employee.id(), leader.id(), lengthMinutes, format, message, referralId, slots, now);
  }

  static List<Instant> checkedSlots(List<Instant> slots, Instant now) {
    if (slots == null || slots.size() < MIN_SLOTS || slots.size() > MAX_SLOTS) {
      throw Refusal.invalid("proposedSlots", "propose between 2 and 5 times");
    }
    if (new HashSet<>(slots).size() != slots.size()) {
      throw Refusal.invalid("proposedSlots", "each proposed time must be different");
    }
    for (int i = 0; i < slots.size(); i++) {
      if (slots.get(i) == null || !slots.get(i).isAfter(now)) {
        throw Refusal.invalid("proposedSlots[" + i + "]", "must be in the future");
      }
    }
    return slots.stream().sorted().toList();
  }

  public Party partyOf(UUID personId) {
    if (requesterId.equals(personId)) {
      return Party.REQUESTER;
    }
    if (leaderId.equals(personId)) {
      return Party.LEADER;
    }
    return Party.NONE;
  }

  /**
   * Takes one of the slots on the table: the leader answers a PENDING request, the employee a
   * COUNTER_PROPOSED one. Returns the interview to put on the calendar, blocking the leader's
   * buffers around it.
   */
  public Interview accept(
      UUID by, Instant start, Duration bufferBefore, Duration bufferAfter, Instant now) {
    Party party = partyOf(by);
    requireOpen();
    if (status == RequestStatus.PENDING && party != Party.LEADER) {
      throw Refusal.forbidden("Only the leader accepts a pending request.");
    }
    if (status == RequestStatus.COUNTER_PROPOSED && party != Party.REQUESTER) {
      throw Refusal.forbidden("The employee accepts one of the times you proposed.");
    }
    if (start == null || !slots.contains(start)) {
      throw new Refusal(
          ProblemType.SLOT_NOT_PROPOSED, "Pick one of the proposed times: " + slots + ".");
    }
    if (!start.isAfter(now)) {
      throw new Refusal(ProblemType.SLOT_IN_PAST, "That time has already passed.");
    }
    status = RequestStatus.ACCEPTED;
    answeredAt = answeredAt == null ? now : answeredAt;
    history.add(new RequestEvent(RequestEvent.Type.ACCEPTED, by, now, start.toString()));
    return Interview.schedule(
        id, requesterId, leaderId, start, lengthMinutes, format, bufferBefore, bufferAfter, now);
  }

  /** The leader says no, with a reason the employee will read. */
  public void decline(UUID by, String reason, Instant now) {
    if (partyOf(by) != Party.LEADER) {
      throw Refusal.forbidden("Only the leader can decline a request.");
    }
    requireOpen();
    status = RequestStatus.DECLINED;
    answeredAt = answeredAt == null ? now : answeredAt;
    history.add(new RequestEvent(RequestEvent.Type.DECLINED, by, now, reason));
  }

  /** The employee takes the request back while it is still open. */
  public void withdraw(UUID by, String reason, Instant now) {
    if (partyOf(by) != Party.REQUESTER) {
      throw Refusal.forbidden("Only the employee who sent a request can withdraw it.");
    }
    requireOpen();
    status = RequestStatus.WITHDRAWN;
    history.add(new RequestEvent(RequestEvent.Type.WITHDRAWN, by, now, reason));
  }

  /**
   * The leader offers other times instead; the employee then accepts one of them. The two must
   * still be a pair the program allows (the directory may have changed since the request was sent).
   */
  public void counter(
      UUID by,
      List<Instant> slots,
      String note,
      Eligibility policy,
      Eligibility.Employee employee,
      Eligibility.Leader leader,
      Instant now) {
    if (partyOf(by) != Party.LEADER) {
      throw Refusal.forbidden("Only the leader can propose other times.");
    }
    requireParties(employee, leader);
    if (status != RequestStatus.PENDING) {
      throw new Refusal(
          status.isOpen() ? ProblemType.NOT_YOUR_TURN : ProblemType.REQUEST_CLOSED,
          "Only a pending request can get other times; this one is " + status + ".");
    }
    if (slots == null || slots.isEmpty() || slots.size() > MAX_SLOTS) {
      throw Refusal.invalid("proposedSlots", "propose 1 to 5 times");
    }
    List<Instant> checked = slots.size() == 1 ? futureOnly(slots, now) : checkedSlots(slots, now);
    policy.requirePair(employee, leader);
    this.slots.clear();
    this.slots.addAll(checked);
    status = RequestStatus.COUNTER_PROPOSED;
    answeredAt = answeredAt == null ? now : answeredAt;
    lastAttemptAt = now;
    history.add(new RequestEvent(RequestEvent.Type.COUNTERED, by, now, note));
  }

  private static List<Instant> futureOnly(List<Instant> slots, Instant now) {
    if (slots.get(0) == null || !slots.get(0).isAfter(now)) {
      throw Refusal.invalid("proposedSlots[0]", "must be in the future");
    }
    return List.copyOf(slots);
  }

  /**
   * A polite reminder from the employee: at most {@code policy.maxFollowUps()} times, each at least
   * {@code policy.spacing()} business days after the last attempt, in the employee's zone.
   */
  public void followUp(UUID by, String message, FollowUpPolicy policy, ZoneId zone, Instant now) {
    if (partyOf(by) != Party.REQUESTER) {
      throw Refusal.forbidden("Only the employee who sent a request follows it up.");
    }
    if (status != RequestStatus.PENDING) {
      throw new Refusal(
          status.isOpen() ? ProblemType.NOT_YOUR_TURN : ProblemType.REQUEST_CLOSED,
          "Only a request waiting for the leader can be followed up; this one is " + status + ".");
    }
    if (followUps >= policy.maxFollowUps()) {
      throw new Refusal(
          ProblemType.FOLLOW_UP_LIMIT,
          "You have followed up "
              + followUps
              + " times. Time to move on: other leaders would be glad to hear from you.");
    }
    Instant allowed = nextFollowUpFrom(policy, zone).orElseThrow();
    if (now.isBefore(allowed)) {
      throw new Refusal(
          ProblemType.FOLLOW_UP_TOO_SOON,
          "You can follow up from "
              + allowed
              + ", "
              + policy.spacing()
              + " business days after your last message.");
    }
    followUps++;
    lastAttemptAt = now;
    history.add(new RequestEvent(RequestEvent.Type.FOLLOWED_UP, by, now, message));
  }

  /**
   * From when the employee may follow up: {@code policy.spacing()} business days after the last
   * attempt, in the employee's zone. Empty once the request no longer waits for the leader or no
   * follow-up is left.
   */
  public Optional<Instant> nextFollowUpFrom(FollowUpPolicy policy, ZoneId zone) {
    if (status != RequestStatus.PENDING || followUps >= policy.maxFollowUps()) {
      return Optional.empty();
    }
    return Optional.of(policy.followUpFrom(lastAttemptAt, zone));
  }

  /** Whether the employee may follow up now: the leader has not answered for long enough. */
  public boolean followUpDue(FollowUpPolicy policy, ZoneId zone, Instant now) {
    return nextFollowUpFrom(policy, zone).filter(from -> !now.isBefore(from)).isPresent();
  }

  /**
   * When the request expires if nobody answers: a request waiting for the leader with a follow-up
   * left gives the employee the window to send it first; one waiting for the employee (a
   * counter-proposal) or with no follow-up left expires a fixed time after the last attempt.
   */
  public Instant expiresAt(FollowUpPolicy policy, ZoneId zone) {
    boolean followUpLeft = status == RequestStatus.PENDING && followUps < policy.maxFollowUps();
    return policy.expiresAt(lastAttemptAt, followUpLeft, zone);
  }

  /** Whether the request has waited long enough without an answer to expire now. */
  public boolean isDue(FollowUpPolicy policy, ZoneId zone, Instant now) {
    return status.isOpen() && !now.isBefore(expiresAt(policy, zone));
  }

  /** Closes an unanswered request; the employee is then pointed to other leaders. */
  public void expire(FollowUpPolicy policy, ZoneId zone, Instant now) {
    if (!isDue(policy, zone, now)) {
      throw new Refusal(ProblemType.CONFLICT, "The request is not due to expire.");
    }
    status = RequestStatus.EXPIRED;
    history.add(new RequestEvent(RequestEvent.Type.EXPIRED, null, now, null));
  }

  /**
   * The leader suggests a colleague instead. This request closes as REDIRECTED; the returned one
   * goes to the colleague with the original message, the slots the colleague still has open, and
   * the redirecting leader as referral. A referral this request cited stays with it: it named this
   * leader, not the colleague, and whoever gave it suggested nobody else.
   */
  public InterviewRequest redirect(
      UUID by,
      Eligibility policy,
      Eligibility.Employee employee,
      Eligibility.Leader colleague,
      List<Instant> openForColleague,
      String note,
      Instant now) {
    requireRedirectableBy(by);
    if (!employee.id().equals(requesterId)) {
      throw new IllegalArgumentException("the facts are not of this request's employee");
    }
    UUID colleagueId = colleague.id();
    if (colleagueId.equals(leaderId)) {
      throw new Refusal(ProblemType.REDIRECT_INVALID, "Redirect to a colleague, not to yourself.");
    }
    policy.requireRedirect(employee, colleague);
    InterviewRequest forwarded = new InterviewRequest();
    forwarded.id = UUID.randomUUID();
    forwarded.requesterId = requesterId;
    forwarded.leaderId = colleagueId;
    forwarded.lengthMinutes = lengthMinutes;
    forwarded.format = format;
    forwarded.intro = intro;
    forwarded.learn = learn;
    forwarded.whyYou = whyYou;
    forwarded.redirectedFrom = id;
    forwarded.referredBy = by;
    forwarded.slots.addAll(openForColleague.stream().filter(s -> s.isAfter(now)).sorted().toList());
    forwarded.status = RequestStatus.PENDING;
    forwarded.createdAt = now;
    forwarded.lastAttemptAt = now;
    forwarded.history.add(
        new RequestEvent(
            RequestEvent.Type.SENT,
            by,
            now,
            note == null || note.isBlank() ? "Redirected" : "Redirected: " + note.strip()));
    status = RequestStatus.REDIRECTED;
    answeredAt = answeredAt == null ? now : answeredAt;
    history.add(
        new RequestEvent(
            RequestEvent.Type.REDIRECTED,
            by,
            now,
            (note == null || note.isBlank() ? "" : note.strip() + " ") + "→ " + forwarded.id));
    return forwarded;
  }

  /**
   * Closes an open request because one of the two left the company: nobody is left to answer, or to
   * be answered.
   */
  public void closeForLeaver(UUID leaver, Instant now) {
    if (partyOf(leaver) == Party.NONE) {
      throw new IllegalArgumentException("not a party of this request");
    }
    requireOpen();
    status = RequestStatus.WITHDRAWN;
    history.add(
        new RequestEvent(
            RequestEvent.Type.WITHDRAWN,
            null,
            now,
            (partyOf(leaver) == Party.LEADER ? "The leader" : "The employee")
                + " has left the company."));
  }

  /**
   * Closes an open request the program no longer allows between its two people, the directory
   * having changed since it was sent; neither party closed it, and both read the program's reason.
   */
  public void closeNoLongerAllowed(String reason, Instant now) {
    requireOpen();
    status = RequestStatus.WITHDRAWN;
    history.add(new RequestEvent(RequestEvent.Type.WITHDRAWN, null, now, reason));
  }

  private void requireParties(Eligibility.Employee employee, Eligibility.Leader leader) {
    if (!employee.id().equals(requesterId) || !leader.id().equals(leaderId)) {
      throw new IllegalArgumentException("the facts are not of this request's two people");
    }
  }

  /** Refuses anyone but the request's leader, and a request that is closed: who may pass it on. */
  public void requireRedirectableBy(UUID by) {
    if (partyOf(by) != Party.LEADER) {
      throw Refusal.forbidden("Only the leader can redirect a request.");
    }
    requireOpen();
  }

  /**
   * Whether a redirect may name {@code colleague}, as {@link #redirect} decides it: another leader
   * than the request's own, whom the employee may ask now.
   */
  public boolean redirectableTo(
      Eligibility policy, Eligibility.Employee employee, Eligibility.Leader colleague) {
    if (!employee.id().equals(requesterId)) {
      throw new IllegalArgumentException("the facts are not of this request's employee");
    }
    return !colleague.id().equals(leaderId) && policy.ask(employee, colleague).eligible();
  }

  private void requireOpen() {
    if (!status.isOpen()) {
      throw new Refusal(
          ProblemType.REQUEST_CLOSED, "The request is " + status + " and can no longer change.");
    }
  }

  public UUID id() {
    return id;
  }

  public UUID requesterId() {
    return requesterId;
  }

  public UUID leaderId() {
    return leaderId;
  }

  public RequestStatus status() {
    return status;
  }

  public int lengthMinutes() {
    return lengthMinutes;
  }

  public MeetingFormat format() {
    return format;
  }

  public RequestMessage message() {
    return new RequestMessage(intro, learn, whyYou);
  }

  public UUID referralId() {
    return referralId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastAttemptAt() {
    return lastAttemptAt;
  }

  public Instant answeredAt() {
    return answeredAt;
  }

  public int followUps() {
    return followUps;
  }

  public UUID redirectedFrom() {
    return redirectedFrom;
  }

  public UUID referredBy() {
    return referredBy;
  }

  public List<Instant> slots() {
    return List.copyOf(slots);
  }

  public List<RequestEvent> history() {
    return List.copyOf(history);
  }
}
