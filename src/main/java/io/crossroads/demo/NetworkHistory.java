package io.crossroads.demo;

import io.crossroads.demo.DemoOrganisation.Aspirations;
import io.crossroads.demo.DemoOrganisation.ClosedRequestSeed;
import io.crossroads.demo.DemoOrganisation.ConsentSeed;
import io.crossroads.demo.DemoOrganisation.ContactSeed;
import io.crossroads.demo.DemoOrganisation.DigestSeed;
import io.crossroads.demo.DemoOrganisation.FeedbackSeed;
import io.crossroads.demo.DemoOrganisation.HistorySeed;
import io.crossroads.demo.DemoOrganisation.MentoringSeed;
import io.crossroads.demo.DemoOrganisation.Network;
import io.crossroads.demo.DemoOrganisation.PersonSeed;
import io.crossroads.demo.DemoOrganisation.ReferralSeed;
import io.crossroads.demo.DemoOrganisation.ThankYouSeed;
import io.crossroads.demo.DemoOrganisation.TouchSeed;
import io.crossroads.network.MentoringOffer;
import io.crossroads.network.Referral;
import io.crossroads.program.Eligibility;
import io.crossroads.requests.RequestStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * What followed the generated interviews, as the network feature would have recorded it: thanks
 * (mostly on time, some late, some never), leaders naming people to talk to next, some of whom the
 * employee asked and met (chains up to {@link #MAX_DEPTH} deep), a contact for every leader met
 * with touches on time and late, feedback with talent flags, consent and mentoring offers.
 *
 * <p>Everything happens before the seeding day, and an employee's part before the day they left.
 * Who may be put together is asked for the divisions people were in on the day. The well-known
 * users of the API contract take no part in anything new, so what they do in a demo or a test is
 * all there is.
 */
final class NetworkHistory {

  /** Chains stop here: a leader met through a referral this deep names nobody further. */
  static final int MAX_DEPTH = 3;

  /** The program's default keep-in-touch cadence. */
  static final int CADENCE_DAYS = 30;

  // How often things happen; at demo size every outcome still occurs dozens of times.
  private static final double REFERS = 0.35;
  private static final double REFERS_AFTER_REFERRAL = 0.55;
  private static final double FOLLOWED_AND_MET = 0.38;
  private static final double FOLLOWED_NOT_MET = 0.14;
  private static final double THANKED_ON_TIME = 0.72;
  private static final double THANKED_LATE = 0.14;
  private static final double FEEDBACK = 0.35;
  private static final double FLAGGED = 0.35;
  private static final double CONSENTS = 0.55;
  private static final double REFUSES = 0.25;
  private static final double STOPPED = 0.07;
  private static final double SNOOZED = 0.06;

  /** Habits of keeping in touch: chance to touch on time, and late, per touch due. */
  private static final double[][] HABITS = {{0.85, 0.10}, {0.55, 0.30}, {0.20, 0.35}};

  private static final double[] HABIT_SHARES = {0.35, 0.75, 1.0};

  private static final List<String> THANKS =
      List.of(
          "Thank you for your time and candour. Your advice on where to start was exactly what I"
              + " needed.",
          "Many thanks for the conversation. I have already started on the reading you"
              + " mentioned.",
          "Thank you! Hearing how your division plans its year made a lot of things click.",
          "Thanks for meeting me. I will get in touch with the people you suggested.",
          "Thank you for the honest picture of your work; it helped me decide what to learn"
              + " next.");

  private static final List<String> REFERRAL_NOTES =
      List.of(
          "Ask about how the team runs its planning.",
          "Knows the history of the platform better than anyone.",
          "Moved across divisions a few years ago.",
          "Runs the community of practice you asked about.",
          "Good person to ask about the skills that matter there.");

  private static final List<String> TOUCH_NOTES =
      List.of(
          "Told them what I did with their advice",
          "Coffee chat",
          "Sent an article they might like",
          "Quick update on my project",
          "Congratulated them on the launch");

  private static final List<String> STRENGTHS =
      List.of(
          "curiosity",
          "clear communication",
          "structured thinking",
          "initiative",
          "customer focus",
          "data literacy",
          "collaboration",
          "learning agility",
          "ownership",
          "business sense");

  private static final List<String> FEEDBACK_NOTES =
      List.of(
          "Well prepared, good questions.",
          "Come back in six months and tell me how it went.",
          "Try the analytics guild's sessions.",
          "You would do well in a cross-functional role.");

  private final Random random;
  private final Map<UUID, PersonSeed> byId = new HashMap<>();
  private final List<PersonSeed> leaders = new ArrayList<>();
  private final Map<UUID, List<PersonSeed>> leadersByDivision = new HashMap<>();
  private final Set<UUID> wellKnown = new HashSet<>();
  private final Careers careers;

  private final List<HistorySeed> history;
  private final MonthlyCaps caps;
  private final List<ThankYouSeed> thankYous = new ArrayList<>();
  private final List<ReferralSeed> referrals = new ArrayList<>();
  private final List<ClosedRequestSeed> closedRequests = new ArrayList<>();
  private final List<ContactSeed> contacts = new ArrayList<>();
  private final List<FeedbackSeed> feedback = new ArrayList<>();
  private final List<ConsentSeed> consents = new ArrayList<>();
  private final List<MentoringSeed> mentoring = new ArrayList<>();
  private final List<DigestSeed> digests = new ArrayList<>();

  private NetworkHistory(
      Random random, List<PersonSeed> people, List<HistorySeed> held, Careers careers) {
    this.random = random;
    this.careers = careers;
    this.history = new ArrayList<>(held);
    this.caps = new MonthlyCaps(held);
    for (PersonSeed p : people) {
      byId.put(p.id(), p);
      if (Aspirations.WELL_KNOWN.contains(p.username())) {
        wellKnown.add(p.id());
      }
      if (p.leader()) {
        leaders.add(p);
        leadersByDivision.computeIfAbsent(p.divisionId(), d -> new ArrayList<>()).add(p);
      }
    }
  }

  /**
   * What followed the interviews {@code held}, drawn from {@code random}: each step valid on its
   * day as {@code careers} tells it, and nothing of an employee's after they left.
   */
  static NetworkHistory after(
      Random random, List<PersonSeed> people, List<HistorySeed> held, Careers careers) {
    NetworkHistory network = new NetworkHistory(random, people, held, careers);
    network.referrals();
    network.thanks();
    network.feedback();
    network.contacts();
    return network;
  }

  /** Every held interview: those generated before, then those that came from referrals. */
  List<HistorySeed> history() {
    return List.copyOf(history);
  }

  Network network() {
    return new Network(
        List.copyOf(thankYous),
        List.copyOf(referrals),
        List.copyOf(closedRequests),
        List.copyOf(contacts),
        List.copyOf(feedback),
        List.copyOf(consents),
        List.copyOf(mentoring),
        List.copyOf(digests));
  }

  /**
   * Leaders name people after some interviews. Each person named is someone the policy lets the
   * employee be put together with; some the employee asks (the request cites the referral), and
   * some of those they meet, which can give referrals of its own, one link deeper.
   */
  private void referrals() {
    Map<UUID, Set<UUID>> known = new HashMap<>();
    for (HistorySeed h : history) {
      known.computeIfAbsent(h.employeeId(), e -> new HashSet<>()).add(h.leaderId());
    }
    Map<UUID, Integer> depthOf = new HashMap<>();
    // Interviews met through a referral join the end of the list and are visited in turn.
    for (int i = 0; i < history.size(); i++) {
      HistorySeed held = history.get(i);
      int cameFromDepth = held.referralId() == null ? 0 : depthOf.get(held.referralId());
      if (cameFromDepth >= MAX_DEPTH
          || wellKnown.contains(held.employeeId())
          || wellKnown.contains(held.leaderId())
          || random.nextDouble() >= (cameFromDepth == 0 ? REFERS : REFERS_AFTER_REFERRAL)) {
        continue;
      }
      Duration created = held.end().plus(hours(1, 48));
      if (!careers.stillHere(held.employeeId(), created)) {
        continue;
      }
      Set<UUID> knownToEmployee = known.get(held.employeeId());
      List<PersonSeed> named = named(held, knownToEmployee, daysAgo(created));
      for (int position = 0; position < named.size(); position++) {
        PersonSeed person = named.get(position);
        knownToEmployee.add(person.id());
        ReferralSeed referral =
            new ReferralSeed(
                DemoOrganisation.id("referral:" + held.interviewId() + ":" + position),
                held.interviewId(),
                held.leaderId(),
                held.employeeId(),
                person.id(),
                random.nextInt(10) < 7,
                random.nextInt(5) < 3 ? pick(REFERRAL_NOTES) : null,
                cameFromDepth + 1,
                held.referralId(),
                position,
                created);
        referrals.add(referral);
        depthOf.put(referral.id(), referral.depth());
        follow(referral, held, person);
      }
    }
  }

  /** The 1–3 people the leader of {@code held} names: colleagues mostly, new to the employee. */
  private List<PersonSeed> named(HistorySeed held, Set<UUID> knownToEmployee, int daysAgo) {
    int wanted = 1 + (random.nextInt(20) < 10 ? 0 : random.nextInt(20) < 14 ? 1 : 2);
    wanted = Math.min(wanted, Referral.MAX_PER_INTERVIEW);
    PersonSeed referrer = byId.get(held.leaderId());
    List<PersonSeed> colleagues = leadersByDivision.get(referrer.divisionId());
    // Asked on the day the names are given: the employee may have moved since the interview.
    Eligibility.Employee employee = careers.factsOn(held.employeeId(), daysAgo);
    List<PersonSeed> named = new ArrayList<>();
    for (int attempt = 0; named.size() < wanted && attempt < 30; attempt++) {
      PersonSeed candidate = random.nextInt(10) < 6 ? pick(colleagues) : pick(leaders);
      if (!candidate.id().equals(referrer.id())
          && !wellKnown.contains(candidate.id())
          && !knownToEmployee.contains(candidate.id())
          && !named.contains(candidate)
          && Eligibility.DEFAULT.pair(employee, Aspirations.facts(candidate)).eligible()) {
        named.add(candidate);
      }
    }
    return named;
  }

  /**
   * Whether the employee asked the person named: met them (a held interview citing the referral),
   * asked and was declined or heard nothing, or has not asked (yet). Asking takes a few days; a
   * meeting comes nine days after the request, and the meeting must lie a week in the past and
   * within the leader's monthly cap.
   */
  private void follow(ReferralSeed referral, HistorySeed held, PersonSeed person) {
    double r = random.nextDouble();
    if (r < FOLLOWED_AND_MET && person.acceptingRequests()) {
      // The request goes out after the referral: at least 12 days after the first meeting.
      int daysAgo = held.daysAgo() - 12 - random.nextInt(21);
      if (daysAgo >= 7
          && careers.validAtTheTime(referral.employeeId(), person.id(), daysAgo)
          && caps.fits(person, daysAgo)) {
        history.add(
            new HistorySeed(
                referral.employeeId(), person.id(), daysAgo, 8 + random.nextInt(9), referral.id()));
        caps.add(person.id(), daysAgo);
        return;
      }
    }
    if (r < FOLLOWED_AND_MET + FOLLOWED_NOT_MET) {
      Duration sent = referral.created().plus(Duration.ofDays(1 + random.nextInt(14)));
      UUID id = DemoOrganisation.id("request:referral:" + referral.id());
      UUID employee = referral.employeeId();
      if (!Eligibility.DEFAULT
          .pair(careers.factsOn(employee, daysAgo(sent)), Aspirations.facts(person))
          .eligible()) {
        return;
      }
      // Two follow-ups a week apart, then expiry a week after the last: all before today.
      Duration lastAttempt = sent.plus(Duration.ofDays(14));
      if (random.nextInt(10) < 4
          && careers.stillHere(employee, lastAttempt.plus(Duration.ofDays(7)))) {
        closedRequests.add(
            new ClosedRequestSeed(
                id,
                referral.employeeId(),
                person.id(),
                referral.id(),
                RequestStatus.EXPIRED,
                sent,
                lastAttempt,
                2,
                null));
        return;
      }
      Duration answered = sent.plus(hours(4, 72));
      if (careers.stillHere(employee, answered)) {
        closedRequests.add(
            new ClosedRequestSeed(
                id,
                referral.employeeId(),
                person.id(),
                referral.id(),
                RequestStatus.DECLINED,
                sent,
                sent,
                0,
                answered));
      }
    }
  }

  /** Most thank on time, some late, some never: thanks not sent before today are not sent. */
  private void thanks() {
    for (HistorySeed held : history) {
      double r = random.nextDouble();
      Duration sent;
      if (r < THANKED_ON_TIME) {
        sent = held.end().plus(Duration.ofMinutes(20 + random.nextInt(47 * 60)));
      } else if (r < THANKED_ON_TIME + THANKED_LATE) {
        sent = held.end().plus(hours(49, 240));
      } else {
        continue;
      }
      if (careers.stillHere(held.employeeId(), sent)) {
        thankYous.add(
            new ThankYouSeed(
                held.interviewId(),
                held.employeeId(),
                held.leaderId(),
                pick(THANKS),
                held.end(),
                sent));
      }
    }
  }

  /**
   * Leaders give feedback after some interviews and flag some employees for the talent pool; of
   * those flagged, some let HR see it, some refuse, some never say. A few leaders offer mentoring,
   * which the employee accepts, declines or leaves open.
   */
  private void feedback() {
    Map<UUID, Duration> firstFlag = new LinkedHashMap<>();
    for (HistorySeed held : history) {
      if (wellKnown.contains(held.leaderId()) || random.nextDouble() >= FEEDBACK) {
        continue;
      }
      boolean flagged = random.nextDouble() < FLAGGED;
      Duration given = held.end().plus(hours(1, 72));
      if (!careers.stillHere(held.employeeId(), given)) {
        continue;
      }
      List<String> strengths = new ArrayList<>();
      int count = flagged ? 1 + random.nextInt(3) : random.nextInt(3);
      while (strengths.size() < count) {
        String strength = pick(STRENGTHS);
        if (!strengths.contains(strength)) {
          strengths.add(strength);
        }
      }
      feedback.add(
          new FeedbackSeed(
              held.interviewId(),
              held.leaderId(),
              held.employeeId(),
              flagged,
              List.copyOf(strengths),
              random.nextInt(10) < 7 ? pick(FEEDBACK_NOTES) : null,
              given));
      if (flagged) {
        firstFlag.merge(held.employeeId(), given, (a, b) -> a.compareTo(b) <= 0 ? a : b);
      }
      if (random.nextDouble() < (flagged ? 0.15 : 0.03)) {
        Duration answered = given.plus(hours(6, 240));
        double r = random.nextDouble();
        MentoringOffer.Answer answer =
            !careers.stillHere(held.employeeId(), answered) || r >= 0.65
                ? null
                : r < 0.45 ? MentoringOffer.Answer.ACCEPTED : MentoringOffer.Answer.DECLINED;
        if (answer == null && careers.leftDaysAgo(held.employeeId()) != null) {
          // A leaver has nothing left open.
          continue;
        }
        mentoring.add(
            new MentoringSeed(
                held.interviewId(),
                held.leaderId(),
                held.employeeId(),
                given,
                answer,
                answer == null ? null : answered));
      }
    }
    firstFlag.forEach(
        (employee, flaggedAt) -> {
          double r = random.nextDouble();
          if (r < CONSENTS + REFUSES) {
            Duration changed = flaggedAt.plus(hours(2, 200));
            if (!careers.stillHere(employee, changed)) {
              changed = flaggedAt.plusHours(1);
            }
            if (careers.stillHere(employee, changed)) {
              consents.add(new ConsentSeed(employee, r < CONSENTS, changed));
            }
          }
        });
  }

  /**
   * Every leader met becomes a contact, first due a cadence after the meeting. Employees keep in
   * touch by habit: some nearly always on time, some late, some lapse; a later meeting with the
   * same leader counts as a touch. A few contacts are stopped, a few snoozed.
   */
  private void contacts() {
    Map<List<UUID>, List<HistorySeed>> meetings = new LinkedHashMap<>();
    for (HistorySeed held : history) {
      meetings
          .computeIfAbsent(List.of(held.employeeId(), held.leaderId()), k -> new ArrayList<>())
          .add(held);
    }
    Map<UUID, Duration> firstMet = new LinkedHashMap<>();
    meetings.forEach(
        (pair, held) -> {
          held.sort(Comparator.comparing(HistorySeed::start));
          ContactSeed contact = contact(pair.get(0), pair.get(1), held);
          contacts.add(contact);
          firstMet.merge(
              contact.employeeId(), contact.met(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        });
    firstMet.forEach(
        (employee, met) -> {
          double r = random.nextDouble();
          if (r < 0.08) {
            Duration changed = met.plus(Duration.ofDays(1 + random.nextInt(30)));
            digests.add(
                new DigestSeed(
                    employee, r >= 0.05, !careers.stillHere(employee, changed) ? met : changed));
          }
        });
  }

  private ContactSeed contact(UUID employee, UUID leader, List<HistorySeed> held) {
    double[] habit = HABITS[habit()];
    Duration horizon = careers.horizon(employee);
    Duration cadence = Duration.ofDays(CADENCE_DAYS);
    Duration met = held.get(0).end();
    Duration last = null;
    Duration due = met.plus(cadence);
    int touchesDue = 0;
    int touchesOnTime = 0;
    List<TouchSeed> touches = new ArrayList<>();
    int nextMeeting = 1;
    boolean lapsed = false;
    while (true) {
      Duration meeting = nextMeeting < held.size() ? held.get(nextMeeting).end() : null;
      Duration touch = null;
      String note = null;
      if (!lapsed && due.compareTo(horizon) < 0) {
        double r = random.nextDouble();
        if (r < habit[0]) {
          touch = due.minus(Duration.ofMinutes(random.nextInt(7 * 24 * 60)));
        } else if (r < habit[0] + habit[1]) {
          touch = due.plus(hours(24, 20 * 24));
        } else {
          lapsed = true;
        }
        note = random.nextInt(5) < 2 ? pick(TOUCH_NOTES) : null;
      }
      if (meeting != null && (touch == null || meeting.compareTo(touch) < 0)) {
        touch = meeting;
        note = "Met in an informational interview";
        nextMeeting++;
        lapsed = false;
      } else if (touch == null || touch.compareTo(horizon) >= 0) {
        break;
      }
      boolean onTime = touch.compareTo(due) <= 0;
      touchesDue++;
      touchesOnTime += onTime ? 1 : 0;
      touches.add(
          new TouchSeed(
              DemoOrganisation.id("touch:" + employee + ":" + leader + ":" + touches.size()),
              touch,
              onTime,
              note));
      last = touch;
      due = touch.plus(cadence);
    }
    // A leaver's contacts ended when they left.
    boolean stopped = random.nextDouble() < STOPPED || careers.leftDaysAgo(employee) != null;
    Integer snoozedForDays = null;
    if (!stopped && random.nextDouble() < SNOOZED) {
      snoozedForDays = 2 + random.nextInt(27);
      Duration wakes = Duration.ofDays(snoozedForDays);
      if (due.compareTo(wakes) < 0) {
        due = wakes;
      }
    }
    return new ContactSeed(
        employee,
        leader,
        CADENCE_DAYS,
        met,
        last,
        due,
        snoozedForDays,
        stopped,
        touchesDue,
        touchesOnTime,
        List.copyOf(touches));
  }

  private int habit() {
    double r = random.nextDouble();
    for (int i = 0; i < HABIT_SHARES.length; i++) {
      if (r < HABIT_SHARES[i]) {
        return i;
      }
    }
    return HABIT_SHARES.length - 1;
  }

  /** How many days before the seeding day the day of {@code at} is. */
  static int daysAgo(Duration at) {
    return (int) -Math.floorDiv(at.toMinutes(), 24 * 60);
  }

  /** A random span between {@code from} and {@code to} hours, to the minute. */
  private Duration hours(int from, int to) {
    return Duration.ofMinutes(from * 60L + random.nextInt((to - from) * 60));
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
