package io.crossroads.network;

import io.crossroads.interviews.Interview;
import io.crossroads.interviews.Interviews;
import io.crossroads.network.NetworkViews.FeedbackBody;
import io.crossroads.network.NetworkViews.FeedbackView;
import io.crossroads.network.NetworkViews.MeetingView;
import io.crossroads.network.NetworkViews.Named;
import io.crossroads.network.NetworkViews.NotesView;
import io.crossroads.network.NetworkViews.ReferralView;
import io.crossroads.network.NetworkViews.ThankYouView;
import io.crossroads.notify.Notifications;
import io.crossroads.people.Directory;
import io.crossroads.people.LeaderProfile;
import io.crossroads.people.PeopleViews.PersonRef;
import io.crossroads.people.Person;
import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
import io.crossroads.platform.security.Caller;
import io.crossroads.program.Eligibility;
import io.crossroads.program.Program;
import io.crossroads.requests.InterviewRequest;
import io.crossroads.requests.Requests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the two parties do once they have met: the employee thanks and keeps notes, the leader names
 * people to talk to next and gives feedback, both read the meeting view.
 */
@ApplicationScoped
class AfterInterview {

  /** Questions worth asking in an informational interview; the employee picks two or three. */
  static final List<String> QUESTIONS =
      List.of(
          "What does a normal week in your division look like?",
          "Which problems will matter most to your division next year?",
          "What skills make someone successful in your area?",
          "How did you come to your role, and what would you do differently?",
          "What do people outside your division misunderstand about it?",
          "What should I read or try to understand your work better?",
          "Who else would you talk to, if you were me?");

  @PersistenceContext EntityManager em;
  @Inject Interviews interviews;
  @Inject Requests requests;
  @Inject Referrals referrals;
  @Inject Directory directory;
  @Inject Program program;
  @Inject NoteKeys noteKeys;
  @Inject Notifications notifications;
  @Inject Clock clock;

  /** Only the two parties see an interview; to anyone else it does not exist. */
  Interview visible(Caller caller, UUID interviewId) {
    return interviews
        .find(interviewId)
        .filter(i -> i.hasParty(caller.id()))
        .orElseThrow(() -> Refusal.notFound("The interview"));
  }

  @Transactional
  public ThankYouView thank(Caller caller, UUID interviewId, String message) {
    Interview interview = visible(caller, interviewId);
    ThankYou thanks = ThankYou.send(caller.id(), interview, message, clock.instant());
    if (em.find(ThankYou.class, interviewId) != null) {
      throw new Refusal(ProblemType.ALREADY_THANKED, "You thanked the leader for this interview.");
    }
    em.persist(thanks);
    em.flush();
    Person employee = directory.person(interview.employeeId()).orElseThrow();
    notifications.tell(
        interview.leaderId(),
        "thank-you",
        "Thank you from " + employee.displayName(),
        employee.displayName() + " thanks you for your time:\n\n" + thanks.message() + "\n");
    return new ThankYouView(interviewId, thanks.sentAt(), thanks.onTime());
  }

  /**
   * The leader names people the employee may ask next. Each must be someone the employee may be put
   * together with (the program's one policy); a referral given here is one link further down the
   * chain than the one that led to this interview.
   */
  @Transactional
  public List<ReferralView> refer(Caller caller, UUID interviewId, List<Named> names) {
    Interview interview = visible(caller, interviewId);
    Referral.requireGiver(caller.id(), interview);
    Person employee = directory.person(interview.employeeId()).orElseThrow();
    List<Referral.Named> named = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      Named n = names.get(i);
      named.add(new Referral.Named(leader(n.personId(), i), n.mayUseName(), n.note()));
    }
    List<Referral> given =
        Referral.give(
            caller.id(),
            interview,
            program.rules().eligibility(),
            employeeFacts(employee),
            named,
            referrals.behind(interview).orElse(null),
            clock.instant());
    if (!referrals.givenIn(interviewId).isEmpty()) {
      throw new Refusal(
          ProblemType.REFERRALS_GIVEN, "You named people for this interview already.");
    }
    given.forEach(referrals::add);
    em.flush();
    Person leader = directory.person(interview.leaderId()).orElseThrow();
    notifications.tell(
        employee.id(),
        "referrals",
        leader.displayName() + " suggests people to talk to next",
        leader.displayName()
            + " suggests "
            + (given.size() == 1 ? "someone" : given.size() + " people")
            + " you could talk to next. Open Crossroads to see who and ask them.\n");
    return referralsGiven(interview, leader, false);
  }

  /** A person who takes informational interviews, as the policy sees them. */
  private Eligibility.Leader leader(UUID personId, int index) {
    Person person = directory.leaderToAsk(personId, "referrals[" + index + "].personId");
    // Whether they accept requests and have room is for the day the employee asks: a referral
    // is about who may be put together.
    LeaderProfile profile = directory.leaderProfile(personId).orElseThrow();
    return directory.asked(person, profile, profile.monthlyCap());
  }

  private Eligibility.Employee employeeFacts(Person employee) {
    return directory.asking(employee, Set.of(), Set.of());
  }

  @Transactional
  public FeedbackView feedback(Caller caller, UUID interviewId, FeedbackBody body) {
    Interview interview = visible(caller, interviewId);
    Instant now = clock.instant();
    LeaderFeedback feedback =
        LeaderFeedback.give(
            caller.id(), interview, body.talentPool(), body.strengths(), body.note(), now);
    if (em.find(LeaderFeedback.class, interviewId) != null) {
      throw new Refusal(
          ProblemType.FEEDBACK_GIVEN, "You gave your feedback on this interview already.");
    }
    em.persist(feedback);
    if (body.offerMentoring()) {
      em.persist(new MentoringOffer(interviewId, caller.id(), interview.employeeId(), now));
    }
    em.flush();
    Person leader = directory.person(interview.leaderId()).orElseThrow();
    if (feedback.talentPool()) {
      notifications.tell(
          interview.employeeId(),
          "talent-flag",
          leader.displayName() + " noticed your strengths",
          leader.displayName()
              + " flagged you for the company's talent pool, for: "
              + String.join(", ", feedback.strengths())
              + ".\nHR sees this only if you allow it, in Crossroads, and you can change your"
              + " mind at any time.\n");
    }
    if (body.offerMentoring()) {
      notifications.tell(
          interview.employeeId(),
          "mentoring-offer",
          leader.displayName() + " offers to mentor you",
          leader.displayName()
              + " offers to keep mentoring you. Accept or decline in Crossroads; nothing is"
              + " assumed until you do.\n");
    }
    return FeedbackView.of(feedback, PersonRef.of(leader), body.offerMentoring());
  }

  /** The employee's notes; an empty text clears them. Sealed before they are stored. */
  @Transactional
  public NotesView writeNotes(Caller caller, UUID interviewId, String text) {
    ownInterview(caller, interviewId);
    PrivateNote note = em.find(PrivateNote.class, interviewId);
    Instant now = clock.instant();
    if (text.isEmpty()) {
      if (note != null) {
        em.remove(note);
      }
      return new NotesView(interviewId, "", now);
    }
    NoteCipher cipher = cipher();
    if (note == null) {
      note = new PrivateNote(interviewId, caller.id());
      note.seal(cipher.seal(text, interviewId), now);
      em.persist(note);
    } else {
      note.seal(cipher.seal(text, interviewId), now);
    }
    return new NotesView(interviewId, text, now);
  }

  @Transactional
  public NotesView readNotes(Caller caller, UUID interviewId) {
    ownInterview(caller, interviewId);
    return notes(interviewId);
  }

  /** Notes are the employee's: the leader is refused, anyone else finds no interview. */
  private void ownInterview(Caller caller, UUID interviewId) {
    if (!visible(caller, interviewId).employeeId().equals(caller.id())) {
      throw Refusal.forbidden("Private notes are the employee's own.");
    }
  }

  private NoteCipher cipher() {
    return noteKeys
        .cipher()
        .orElseThrow(
            () ->
                new Refusal(
                    ProblemType.NOTES_UNAVAILABLE,
                    "Private notes need their encryption key, which is not configured."));
  }

  /**
   * The notes for a view that shows more than them (the meeting view, the export): when they cannot
   * be opened (their key is gone or misconfigured), the rest is still shown.
   */
  NotesView notesIfReadable(UUID interviewId) {
    try {
      return notes(interviewId);
    } catch (Refusal unavailable) {
      return null;
    }
  }

  /** The notes of an interview, opened; for the employee's eyes only. */
  NotesView notes(UUID interviewId) {
    PrivateNote note = em.find(PrivateNote.class, interviewId);
    if (note == null) {
      return new NotesView(interviewId, "", null);
    }
    try {
      return new NotesView(
          interviewId, cipher().open(note.sealed(), interviewId), note.updatedAt());
    } catch (IllegalStateException keyGone) {
      throw new Refusal(
          ProblemType.NOTES_UNAVAILABLE,
          "These notes were sealed with a key that is no longer configured.");
    }
  }

  /**
   * Everything the two need in the meeting: why the employee asked, who suggested the leader, what
   * the leader offers, a few good questions, the planned end; afterwards what each has given
   * (thanks, names, feedback); and for the employee their own notes.
   */
  @Transactional
  public MeetingView meeting(Caller caller, UUID interviewId) {
    Interview interview = visible(caller, interviewId);
    InterviewRequest request = requests.find(interview.requestId()).orElseThrow();
    Map<UUID, Person> people =
        directory.people(List.of(interview.employeeId(), interview.leaderId()));
    LeaderProfile profile = directory.leaderProfile(interview.leaderId()).orElse(null);
    boolean employee = interview.employeeId().equals(caller.id());
    // The employee received the referral and knows who gave it; the leader sees the name only
    // if its giver allowed that.
    String suggestedBy =
        request.referralId() == null
            ? null
            : referrals
                .find(request.referralId())
                .map(
                    r ->
                        employee || r.mayUseName()
                            ? directory.person(r.referrerId()).orElseThrow().displayName()
                            : "a colleague")
                .orElse(null);
    ThankYou thanks = em.find(ThankYou.class, interviewId);
    LeaderFeedback feedback = em.find(LeaderFeedback.class, interviewId);
    Person leader = people.get(interview.leaderId());
    return new MeetingView(
        interview.id(),
        PersonRef.of(people.get(interview.employeeId())),
        PersonRef.of(leader),
        interview.start(),
        interview.end(),
        interview.lengthMinutes(),
        interview.status().name(),
        request.message().intro(),
        request.message().learn(),
        request.message().whyYou(),
        suggestedBy,
        profile == null ? "" : profile.bio(),
        profile == null ? List.of() : List.copyOf(profile.topics()),
        QUESTIONS,
        thanks == null ? null : new ThankYouView(interviewId, thanks.sentAt(), thanks.onTime()),
        referralsGiven(interview, leader, employee),
        feedback == null
            ? null
            : FeedbackView.of(
                feedback, PersonRef.of(leader), em.find(MentoringOffer.class, interviewId) != null),
        employee ? notesIfReadable(interviewId) : null);
  }

  /**
   * The people the leader named in this interview. What became of each is the employee's to see:
   * the leader who named them does not follow the employee's later requests.
   */
  private List<ReferralView> referralsGiven(
      Interview interview, Person leader, boolean withOutcomes) {
    List<Referral> given = referrals.givenIn(interview.id());
    Map<UUID, Referrals.Outcome> outcomes = withOutcomes ? referrals.outcomes(given) : Map.of();
    Map<UUID, Person> named = directory.people(given.stream().map(Referral::referredId).toList());
    return given.stream()
        .map(r -> ReferralView.of(r, leader, named.get(r.referredId()), outcomes.get(r.id())))
        .toList();
  }
}
