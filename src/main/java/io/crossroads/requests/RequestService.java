package io.crossroads.requests;

import io.crossroads.availability.AvailabilityService;
import io.crossroads.availability.MonthlyLoads;
import io.crossroads.availability.Schedule;
import io.crossroads.interviews.Interview;
import io.crossroads.interviews.Interviews;
import io.crossroads.notify.Notifications;
import io.crossroads.people.Directory;
import io.crossroads.people.Division;
import io.crossroads.people.LeaderProfile;
import io.crossroads.people.PeopleViews.PersonRef;
import io.crossroads.people.Person;
import io.crossroads.platform.api.Page;
import io.crossroads.platform.metrics.BusinessMetrics;
import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
import io.crossroads.platform.security.Caller;
import io.crossroads.program.Eligibility;
import io.crossroads.program.Program;
import io.crossroads.program.ProgramRules;
import io.crossroads.requests.RequestViews.Colleague;
import io.crossroads.requests.RequestViews.Draft;
import io.crossroads.requests.RequestViews.Event;
import io.crossroads.requests.RequestViews.NewRequest;
import io.crossroads.requests.RequestViews.RequestView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Sends interview requests and carries out the parties' answers. */
@ApplicationScoped
class RequestService {

  /** How many leaders of the directory a search for colleagues reads at most, a page at a time. */
  private static final int COLLEAGUES_READ = 500;

  private static final int COLLEAGUES_PAGE = 100;

  @Inject Requests requests;
  @Inject Interviews interviews;
  @Inject Directory directory;
  @Inject AvailabilityService availability;
  @Inject MonthlyLoads loads;
  @Inject Program program;
  @Inject RequestParties parties;
  @Inject Notifications notifications;
  @Inject Clock clock;
  @Inject Instance<CitedReferrals> cited;
  @Inject BusinessMetrics metrics;

  @Transactional
  public RequestView send(Caller caller, NewRequest body) {
    ProgramRules rules = program.rules();
    if (!rules.allowsLength(body.length())) {
      throw Refusal.invalid("length", "must be one of " + rules.lengths() + " minutes");
    }
    Person leader = parties.leader(body.leaderId(), "leaderId");
    // The requester's row is locked so that their limits are checked one request at a time.
    Person requester =
        directory.personForUpdate(caller.id()).orElseThrow(() -> Refusal.notFound("You"));
    LeaderProfile profile = directory.leaderProfile(leader.id()).orElseThrow();
    requireCitable(body.referralId(), requester.id(), leader);
    Requests.Sent sent = requests.sentBy(requester.id(), monthStart(requester));
    AvailabilityService.Openings openings =
        availability.openings(leader, profile, body.proposedSlots());
    InterviewRequest request =
        InterviewRequest.propose(
            rules.eligibility(),
            parties.employee(requester, rules, sent.openLeaders()),
            parties.leaderFacts(leader, profile, openings),
            body.length(),
            body.format(),
            new RequestMessage(body.intro(), body.learn(), body.whyYou()),
            body.referralId(),
            body.proposedSlots(),
            clock.instant());
    if (!profile.offers(body.length())) {
      throw new Refusal(
          ProblemType.LENGTH_NOT_OFFERED,
          leader.displayName() + " offers " + profile.lengths() + " minutes.");
    }
    if (!profile.offers(body.format())) {
      throw new Refusal(
          ProblemType.FORMAT_NOT_OFFERED,
          leader.displayName() + " offers " + profile.formats() + ".");
    }
    enforceLimits(sent, rules);
    requireOpen(leader, openings, body.proposedSlots(), Duration.ofMinutes(body.length()));
    requests.add(request);
    notifications.toLeader(
        leader.id(),
        requester.id(),
        "request-sent",
        "asks you for a " + body.length() + "-minute informational interview");
    metrics.requestSent();
    return view(request, null, true);
  }

  /**
   * The advice a draft would get if it were sent now, with the same checks of the leader and of a
   * cited referral as sending; nothing is stored and nobody hears of it.
   */
  @Transactional
  public List<Coaching.Note> coach(Caller caller, Draft draft) {
    if (draft.leaderId() == null && draft.referralId() != null) {
      throw Refusal.invalid("leaderId", "pick the leader the suggestion names");
    }
    if (draft.leaderId() != null) {
      Person leader = parties.leader(draft.leaderId(), "leaderId");
      requireCitable(draft.referralId(), caller.id(), leader);
    }
    return Coaching.review(
        draft.intro(), draft.learn(), draft.whyYou(), draft.referralId() != null);
  }

  /** A request may cite only a referral the employee was given, naming this leader. */
  private void requireCitable(UUID referralId, UUID employeeId, Person leader) {
    if (referralId != null
        && !(cited.isResolvable() && cited.get().names(referralId, employeeId, leader.id()))) {
      throw Refusal.invalid(
          "referralId", "not a referral you were given to " + leader.displayName());
    }
  }

  /** The employee's limits, on what they sent as read under the lock of their row. */
  private void enforceLimits(Requests.Sent sent, ProgramRules rules) {
    if (sent.open() >= rules.maxOpenRequests()) {
      throw new Refusal(
          ProblemType.OPEN_REQUEST_LIMIT,
          "You already have "
              + rules.maxOpenRequests()
              + " requests waiting for an answer. Wait for one, or withdraw one.");
    }
    if (sent.sentSince() >= rules.maxRequestsPerMonth()) {
      throw new Refusal(
          ProblemType.MONTHLY_REQUEST_LIMIT,
          "You have sent "
              + rules.maxRequestsPerMonth()
              + " requests this month; the program allows no more.");
    }
  }

  /** The start of the employee's calendar month now, in their time zone. */
  private Instant monthStart(Person requester) {
    return clock
        .instant()
        .atZone(requester.timeZone())
        .toLocalDate()
        .withDayOfMonth(1)
        .atStartOfDay(requester.timeZone())
        .toInstant();
  }

  /** Every proposed time must be an open slot of the leader when the request is sent. */
  private void requireOpen(
      Person leader,
      AvailabilityService.Openings openings,
      List<Instant> proposed,
      Duration length) {
    Set<Instant> open = openings.open(length);
    List<Instant> closed = proposed.stream().filter(start -> !open.contains(start)).toList();
    if (!closed.isEmpty()) {
      throw new Refusal(
          ProblemType.SLOT_UNAVAILABLE,
          "Not open in "
              + leader.displayName()
              + "'s availability: "
              + closed
              + ". Pick times from their open slots.");
    }
  }

  @Transactional
  public RequestView get(Caller caller, UUID id) {
    InterviewRequest request = visible(caller, id);
    UUID interviewId = interviews.forRequest(id).map(Interview::id).orElse(null);
    return view(request, interviewId, true);
  }

  @Transactional
  public Page<RequestView> list(
      Caller caller, Party side, RequestStatus status, int limit, int offset) {
    Page<InterviewRequest> page = requests.of(caller.id(), side, status, limit, offset);
    Map<UUID, Person> people =
        directory.people(
            page.items().stream()
                .flatMap(r -> java.util.stream.Stream.of(r.requesterId(), r.leaderId()))
                .toList());
    Map<UUID, CitedReferrals.Suggestion> suggested = suggestions(page.items());
    return new Page<>(
        page.items().stream().map(r -> view(r, null, false, people, suggested)).toList(),
        page.total());
  }

  /** Every request a person sent or received, with its history: for their own export. */
  @Transactional
  public List<RequestView> allOf(UUID personId) {
    List<RequestView> all = new java.util.ArrayList<>();
    for (Party side : List.of(Party.REQUESTER, Party.LEADER)) {
      for (InterviewRequest r : requests.of(personId, side, null, Integer.MAX_VALUE, 0).items()) {
        all.add(view(r, interviews.forRequest(r.id()).map(Interview::id).orElse(null), true));
      }
    }
    return all;
  }

  /**
   * Accepts a slot. The leader's profile row is locked first (found through the request, in the
   * same statement), so decisions about one leader's calendar happen one at a time on every
   * instance; the request is read only then, under that lock, and its version column catches any
   * change that still slipped in. The slot must still be clear of other interviews, buffers
   * included, and the month under the cap, counted by a conditional update. On PostgreSQL an
   * exclusion constraint refuses overlaps even if all of that were wrong.
   */
  @Transactional
  public RequestView accept(Caller caller, UUID id, Instant start) {
    Optional<UUID> locked = requests.lockLeaderOf(id);
    InterviewRequest request = visible(caller, id);
    if (locked.isEmpty()) {
      throw Refusal.notFound("The leader");
    }
    // Both people, the leader's profile and availability, in one statement, under the lock.
    availability.load(List.of(request.leaderId(), request.requesterId()));
    LeaderProfile profile =
        directory
            .leaderProfile(request.leaderId())
            .orElseThrow(() -> Refusal.notFound("The leader"));
    Person leader =
        directory.person(request.leaderId()).orElseThrow(() -> Refusal.notFound("The leader"));
    // The directory may have changed since the request was sent (a new manager, a move): the two
    // must still be people the program puts together.
    program
        .rules()
        .eligibility()
        .requirePair(
            parties.pairOnly(directory.person(request.requesterId()).orElseThrow()),
            parties.leaderForPair(leader, profile));
    Schedule schedule = availability.schedule(leader);
    Interview interview =
        request.accept(
            caller.id(), start, schedule.bufferBefore(), schedule.bufferAfter(), clock.instant());
    if (interviews.leaderBusy(leader.id(), interview.blockStart(), interview.blockEnd())) {
      throw new Refusal(
          ProblemType.SLOT_TAKEN, "The leader already has an interview then. Pick another time.");
    }
    YearMonth month = YearMonth.from(start.atZone(schedule.zone()));
    if (!loads.take(leader.id(), month, profile.monthlyCap())) {
      throw new Refusal(
          ProblemType.CAP_REACHED,
          leader.displayName()
              + " has reached "
              + profile.monthlyCap()
              + " interviews in "
              + month
              + ".");
    }
    interviews.add(interview);
    requests.flush();
    notifications.calendarChanged(
        interview.meeting(), "interview-scheduled", "Informational interview scheduled");
    answered(request);
    return view(request, interview.id(), true);
  }

  /**
   * The leader proposes other times, each open in their availability, to an employee they may still
   * be paired with.
   */
  @Transactional
  public RequestView counter(Caller caller, UUID id, List<Instant> slots, String note) {
    InterviewRequest request = visible(caller, id);
    Person leader = directory.person(request.leaderId()).orElseThrow();
    LeaderProfile profile = directory.leaderProfile(leader.id()).orElseThrow();
    if (request.partyOf(caller.id()) == Party.LEADER) {
      requireOpen(
          leader,
          availability.openings(leader, profile, slots == null ? List.of() : slots),
          slots,
          Duration.ofMinutes(request.lengthMinutes()));
    }
    ProgramRules rules = program.rules();
    Person requester = directory.person(request.requesterId()).orElseThrow();
    request.counter(
        caller.id(),
        slots,
        note,
        rules.eligibility(),
        parties.pairOnly(requester),
        parties.leaderForPair(leader, profile),
        clock.instant());
    requests.flush();
    notifications.toEmployee(
        request.requesterId(),
        request.leaderId(),
        "request-countered",
        "proposed other times for your request; pick one in Crossroads");
    answered(request);
    return view(request, null, true);
  }

  /**
   * The leader suggests a colleague: a new request goes to the colleague, carrying the original
   * message, the proposed times still open in the colleague's calendar, and the leader as who
   * referred the employee (a referral the original cited named the leader, and stays with it). The
   * colleague must be someone the employee may ask, exactly as if the employee had asked.
   */
  @Transactional
  public RequestView redirect(Caller caller, UUID id, UUID colleagueId, String note) {
    InterviewRequest request = visible(caller, id);
    if (request.partyOf(caller.id()) != Party.LEADER) {
      throw Refusal.forbidden("Only the leader can redirect a request.");
    }
    Person colleague = parties.leader(colleagueId, "leaderId");
    LeaderProfile profile = directory.leaderProfile(colleagueId).orElseThrow();
    ProgramRules rules = program.rules();
    Person requester = directory.person(request.requesterId()).orElseThrow();
    AvailabilityService.Openings openings =
        availability.openings(colleague, profile, request.slots());
    Set<Instant> open = openings.open(Duration.ofMinutes(request.lengthMinutes()));
    InterviewRequest forwarded =
        request.redirect(
            caller.id(),
            rules.eligibility(),
            parties.employee(requester, colleagueId, rules),
            parties.leaderFacts(colleague, profile, openings),
            request.slots().stream().filter(open::contains).toList(),
            note,
            clock.instant());
    requests.add(forwarded);
    requests.flush();
    notifications.toEmployee(
        request.requesterId(),
        request.leaderId(),
        "request-redirected",
        "suggested that you talk to " + colleague.displayName() + " and forwarded your request");
    notifications.toLeader(
        colleagueId,
        request.requesterId(),
        "request-redirected",
        "was referred to you with a request for an informational interview");
    answered(request);
    return view(request, null, true);
  }

  /**
   * Colleagues the leader could redirect the request to, by name or title: exactly those a redirect
   * would accept now ({@link InterviewRequest#redirectableTo}, asking the program's {@code ask}
   * with the same facts as the redirect), in the directory's order. Nothing is said of those left
   * out, nor why.
   */
  @Transactional
  public List<Colleague> colleagues(Caller caller, UUID id, String q, int limit) {
    InterviewRequest request = visible(caller, id);
    request.requireRedirectableBy(caller.id());
    ProgramRules rules = program.rules();
    Person requester = directory.person(request.requesterId()).orElseThrow();
    Eligibility.Employee employee = parties.employee(requester, request.leaderId(), rules);
    Map<UUID, Division> divisions = directory.divisions();
    List<Colleague> offered = new ArrayList<>();
    for (int offset = 0;
        offered.size() < limit && offset < COLLEAGUES_READ;
        offset += COLLEAGUES_PAGE) {
      List<Person> leaders =
          directory.search(q, false, null, true, COLLEAGUES_PAGE, offset).items();
      Map<UUID, LeaderProfile> profiles =
          directory.leaderProfiles(leaders.stream().map(Person::id).toList());
      List<Person> withProfile =
          leaders.stream().filter(p -> profiles.containsKey(p.id())).toList();
      Map<UUID, Integer> places = availability.placesLeft(withProfile, profiles, request.slots());
      for (Person leader : withProfile) {
        LeaderProfile profile = profiles.get(leader.id());
        if (offered.size() < limit
            && request.redirectableTo(
                rules.eligibility(),
                employee,
                directory.asked(leader, profile, places.get(leader.id())))) {
          offered.add(
              new Colleague(
                  leader.id(),
                  leader.displayName(),
                  leader.title(),
                  leader.divisionId(),
                  divisions.get(leader.divisionId()).name(),
                  List.copyOf(profile.topics())));
        }
      }
      if (leaders.size() < COLLEAGUES_PAGE) {
        break;
      }
    }
    return offered;
  }

  @Transactional
  public RequestView followUp(Caller caller, UUID id, String message) {
    InterviewRequest request = visible(caller, id);
    Person requester = directory.person(request.requesterId()).orElseThrow();
    request.followUp(
        caller.id(),
        message,
        program.rules().followUpPolicy(),
        requester.timeZone(),
        clock.instant());
    requests.flush();
    notifications.toLeader(
        request.leaderId(),
        request.requesterId(),
        "request-follow-up",
        "followed up on their request");
    return view(request, null, true);
  }

  @Transactional
  public RequestView decline(Caller caller, UUID id, String reason) {
    InterviewRequest request = visible(caller, id);
    request.decline(caller.id(), reason, clock.instant());
    requests.flush();
    notifications.toEmployee(
        request.requesterId(),
        request.leaderId(),
        "request-declined",
        "cannot meet this time"
            + (reason == null || reason.isBlank() ? "" : ": " + reason.strip()));
    answered(request);
    return view(request, null, true);
  }

  @Transactional
  public RequestView withdraw(Caller caller, UUID id, String reason) {
    InterviewRequest request = visible(caller, id);
    request.withdraw(caller.id(), reason, clock.instant());
    requests.flush();
    notifications.toLeader(
        request.leaderId(), request.requesterId(), "request-withdrawn", "withdrew their request");
    return view(request, null, true);
  }

  /** Only the two parties see a request; to anyone else it does not exist. */
  private InterviewRequest visible(Caller caller, UUID id) {
    return requests
        .find(id)
        .filter(r -> r.partyOf(caller.id()) != Party.NONE)
        .orElseThrow(() -> Refusal.notFound("The request"));
  }

  private RequestView view(InterviewRequest request, UUID interviewId, boolean withHistory) {
    return view(
        request,
        interviewId,
        withHistory,
        directory.people(List.of(request.requesterId(), request.leaderId())),
        suggestions(List.of(request)));
  }

  /** Who suggested the leaders of these requests, where they cite a referral. */
  private Map<UUID, CitedReferrals.Suggestion> suggestions(List<InterviewRequest> shown) {
    List<UUID> referrals =
        shown.stream().map(InterviewRequest::referralId).filter(Objects::nonNull).toList();
    return referrals.isEmpty() || !cited.isResolvable()
        ? Map.of()
        : cited.get().suggestions(referrals);
  }

  private RequestView view(
      InterviewRequest r,
      UUID interviewId,
      boolean withHistory,
      Map<UUID, Person> people,
      Map<UUID, CitedReferrals.Suggestion> suggestions) {
    RequestMessage message = r.message();
    List<Event> history =
        withHistory
            ? r.history().stream()
                .map(e -> new Event(e.at(), e.type().name(), e.actorId(), e.note()))
                .toList()
            : null;
    return new RequestView(
        r.id(),
        r.status(),
        PersonRef.of(people.get(r.requesterId())),
        PersonRef.of(people.get(r.leaderId())),
        r.lengthMinutes(),
        r.format(),
        message.intro(),
        message.learn(),
        message.whyYou(),
        r.referralId(),
        r.referralId() == null ? null : suggestions.get(r.referralId()),
        r.slots(),
        r.createdAt(),
        r.lastAttemptAt(),
        r.answeredAt(),
        r.followUps(),
        r.redirectedFrom(),
        r.referredBy(),
        interviewId,
        Coaching.review(message, r.referralId() != null),
        history);
  }

  /** Counts a leader's answer by the state it left the request in. */
  private void answered(InterviewRequest request) {
    metrics.requestAnswered(request.status().name().toLowerCase(java.util.Locale.ROOT));
  }
}
