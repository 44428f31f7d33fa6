package io.crossroads.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A small organisation with two years of history, generated from a seed relative to now and written
 * straight into the database: the records HR's reports are computed from, and the edges their
 * definitions (docs/METRICS.md) have to get right. {@link ReportsReference} reads the same records.
 */
final class ReportsHistory {

  record Division(UUID id, String name) {}

  record Person(
      UUID id,
      String username,
      String displayName,
      String title,
      UUID divisionId,
      int level,
      boolean leader,
      boolean hr,
      boolean active,
      LocalDate hiredOn,
      LocalDate leftOn) {}

  record LeaderProfile(UUID personId, int monthlyCap) {}

  record Move(UUID id, UUID personId, UUID fromDivision, UUID toDivision, LocalDate movedOn) {}

  record Request(
      UUID id,
      UUID requesterId,
      UUID leaderId,
      String status,
      Instant createdAt,
      Instant answeredAt,
      UUID referralId,
      UUID redirectedFrom) {}

  record Interview(
      UUID id,
      UUID requestId,
      UUID employeeId,
      UUID leaderId,
      Instant start,
      Instant end,
      String status,
      Instant createdAt) {}

  record ThankYou(
      UUID interviewId, UUID employeeId, UUID leaderId, Instant endedAt, Instant sentAt) {}

  record Referral(
      UUID id,
      UUID interviewId,
      UUID referrerId,
      UUID employeeId,
      UUID referredId,
      int depth,
      UUID cameFrom,
      int position,
      Instant createdAt) {}

  record Contact(
      UUID employeeId, UUID personId, Instant metAt, int touchesDue, int touchesOnTime) {}

  record Feedback(
      UUID interviewId,
      UUID leaderId,
      UUID employeeId,
      boolean talentPool,
      String strengths,
      Instant givenAt) {}

  record Consent(UUID employeeId, boolean visibleToHr) {}

  record MonthLoad(UUID leaderId, YearMonth month, int booked) {}

  static final String HR_USERNAME = "hanna.hr";

  static final List<String> STRENGTHS =
      List.of(
          "Analytics",
          "Storytelling",
          "Systems thinking",
          "Negotiation",
          "Leadership",
          "Pricing",
          "Curiosity");

  private static final List<String> BIG =
      List.of("Engineering", "Finance", "Marketing", "Operations", "People", "Sales");
  private static final List<String> FIRST =
      List.of(
          "Ada", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hal", "Ines", "Jon", "Kai", "Lia",
          "Max", "Nia", "Oz", "Pia", "Quin", "Rui", "Sol", "Tea", "Uma", "Vik", "Wen", "Xia", "Yan",
          "Zoe");
  private static final List<String> LAST =
      List.of(
          "Adler", "Brandt", "Costa", "Diaz", "Engel", "Fox", "Grant", "Hale", "Ito", "Jensen",
          "Keller", "Lund", "Moreau", "Novak", "Olsen", "Park", "Quist", "Rossi", "Stone", "Toth");

  final Instant now;
  final LocalDate today;

  /** This year's reports: the twelve whole months ending with this one. */
  final LocalDate yearStart;

  final LocalDate yearEnd;

  /** The earlier period the reports are read for: whole months, from about 18 to 7 months ago. */
  final LocalDate earlierStart;

  final LocalDate earlierEnd;
  final Random random;

  final List<Division> divisions = new ArrayList<>();
  final List<Person> people = new ArrayList<>();
  final Map<UUID, Person> byId = new HashMap<>();
  final Map<UUID, LeaderProfile> profiles = new LinkedHashMap<>();
  final List<Move> moves = new ArrayList<>();
  final List<Request> requests = new ArrayList<>();
  final List<Interview> interviews = new ArrayList<>();
  final List<ThankYou> thankYous = new ArrayList<>();
  final List<Referral> referrals = new ArrayList<>();
  final Map<String, Contact> contacts = new LinkedHashMap<>();
  final List<Feedback> feedback = new ArrayList<>();
  final Map<UUID, Consent> consents = new LinkedHashMap<>();
  private final Set<UUID> neverAsked = new HashSet<>();

  final Map<String, Division> division = new HashMap<>();
  final Map<String, Person> named = new HashMap<>();

  private final Map<UUID, Set<Instant>> leaderStarts = new HashMap<>();
  private final Map<UUID, Map<YearMonth, Integer>> booked = new HashMap<>();
  private final Map<UUID, Referral> referralById = new HashMap<>();
  private final PriorityQueue<Send> queue =
      new PriorityQueue<>(Comparator.comparing(Send::at).thenComparing(s -> s.employee().id()));
  private int serial;

  /** An employee's request waiting to be sent at a time, citing a name they were given or not. */
  private record Send(Person employee, Instant at, Person leader, Referral cites) {}

  /** What happens to a request sent on purpose, as an edge of the definitions. */
  record Plan(String outcome, String interviewStatus, boolean namesAfterwards, Duration thanks) {

    static Plan held() {
      return new Plan("ACCEPTED", "HELD", false, null);
    }

    static Plan held(Duration thanks) {
      return new Plan("ACCEPTED", "HELD", false, thanks);
    }

    static Plan of(String outcome) {
      return new Plan(outcome, null, false, null);
    }

    static Plan accepted(String interviewStatus) {
      return new Plan("ACCEPTED", interviewStatus, false, null);
    }
  }

  private ReportsHistory(long seed, Instant now) {
    this.now = now.truncatedTo(ChronoUnit.SECONDS);
    this.today = LocalDate.ofInstant(this.now, ZoneOffset.UTC);
    this.yearStart = YearMonth.from(today).minusMonths(11).atDay(1);
    this.yearEnd = YearMonth.from(today).atEndOfMonth();
    this.earlierStart = YearMonth.from(today.minusDays(540)).atDay(1);
    this.earlierEnd = YearMonth.from(today.minusDays(200)).atEndOfMonth();
    this.random = new Random(seed);
  }

  static ReportsHistory generate(long seed, Instant now) {
    ReportsHistory history = new ReportsHistory(seed, now);
    history.organisation();
    history.edges();
    history.everydayRequests();
    history.consents();
    history.loadSpread();
    return history;
  }

  // The directory

  private void organisation() {
    for (String name : BIG) {
      addDivision(name);
    }
    for (String name : List.of("Design", "Legal", "Research", "Strategy")) {
      addDivision(name);
    }
    for (String name : BIG) {
      UUID d = division.get(name).id();
      for (int i = 0; i < 9; i++) {
        person(name + "-leader-" + i, d, 7 + random.nextInt(3), true, hiredLongAgo());
      }
      for (int i = 0; i < 31; i++) {
        // The first eight are steady: the edges below rely on them having been there all along.
        LocalDate hired =
            i < 8
                ? hiredLongAgo()
                : switch (random.nextInt(20)) {
                  case 0 -> null;
                  case 1, 2 -> day(-600 + random.nextInt(570));
                  default -> hiredLongAgo();
                };
        person(name + "-employee-" + i, d, 3 + random.nextInt(4), false, hired);
      }
    }
    // The small divisions: Legal has five people, Research four now and a fifth who left it for
    // Finance during the year, Strategy four (and one more, below, who does not count).
    person("Lena", division.get("Legal").id(), 8, true, day(-2000));
    for (int i = 1; i <= 4; i++) {
      person("L" + i, division.get("Legal").id(), 5, false, day(-2000));
    }
    for (int i = 1; i <= 4; i++) {
      person("R" + i, division.get("Research").id(), 5, false, day(-2000));
    }
    person("Rhea", division.get("Finance").id(), 5, false, day(-2000));
    move(named.get("Rhea"), division.get("Research"), division.get("Finance"), day(-150));
    for (int i = 1; i <= 6; i++) {
      person("D" + i, division.get("Design").id(), 5, false, day(-2000));
    }
    person("Stan", division.get("Strategy").id(), 8, true, day(-2000));
    for (int i = 1; i <= 3; i++) {
      person("S" + i, division.get("Strategy").id(), 5, false, day(-2000));
    }
    // Sid left Strategy for Finance during the year and is inactive without a leaving date: in no
    // base population, so Strategy stays at four.
    Person sid = person("Sid", division.get("Finance").id(), 5, false, day(-2000));
    move(sid, division.get("Strategy"), division.get("Finance"), day(-120));
    replace(sid, sid.username(), false, false, null);
    // Mo moved twice: Engineering, then Finance, then Sales.
    person("Mo", division.get("Sales").id(), 5, false, day(-1500));
    move(named.get("Mo"), division.get("Engineering"), division.get("Finance"), day(-200));
    move(named.get("Mo"), division.get("Finance"), division.get("Sales"), day(-100));
    Person hr = person("Hanna", division.get("People").id(), 6, false, day(-2500));
    replace(hr, HR_USERNAME, true, true, null);

    for (Person p : List.copyOf(people)) {
      if (p.leader() && !p.username().startsWith("nils")) {
        profiles.put(
            p.id(),
            new LeaderProfile(
                p.id(), p.divisionId().equals(division.get("Legal").id()) ? 12 : cap()));
      }
    }
    // Leaders who came and went, moved, or are not really there.
    Person lars = named.get("Operations-leader-0");
    replace(lars, "lars.leaver", false, false, day(-60));
    Person leif = named.get("Finance-leader-0");
    replace(leif, "leif.longgone", false, false, day(-500));
    // Left on the first day of this year's reports: employed on none of its days.
    Person felix = named.get("Finance-leader-8");
    replace(felix, felix.username(), false, false, yearStart);
    Person hugo = named.get("Sales-leader-0");
    people.set(indexOf(hugo.id()), withHired(hugo, day(-100)));
    byId.put(hugo.id(), withHired(hugo, day(-100)));
    Person nils = named.get("People-leader-0");
    profiles.remove(nils.id());
    Person ivo = named.get("Engineering-leader-0");
    replace(ivo, "ivo.inactive", false, false, null);
    Person lea = named.get("Marketing-leader-0");
    // Lea moves after her interviews; no other leader changes division.
    move(lea, division.get("Marketing"), division.get("Engineering"), day(-90));
    Person leaMoved = withDivision(lea, division.get("Engineering").id());
    people.set(indexOf(lea.id()), leaMoved);
    byId.put(lea.id(), leaMoved);

    // Employees of the big divisions: some leave, a few go inactive without a date, some move.
    for (String name : BIG) {
      for (int i = 0; i < 31; i++) {
        Person p = byId.get(named.get(name + "-employee-" + i).id());
        if (i < 8) {
          continue; // the steady ones the edges below rely on
        }
        int roll = random.nextInt(100);
        if (i == 8 && name.equals("People")) {
          replace(p, p.username(), false, false, null); // inactive, with no leaving date
        } else if (roll < 20) {
          LocalDate earliest = later(p.hiredOn(), day(-700)).plusDays(60);
          if (earliest.isBefore(day(-10))) {
            LocalDate left = randomDay(earliest, day(-10));
            replace(p, p.username(), false, false, left);
          }
        }
        p = byId.get(p.id());
        if (random.nextInt(100) < 55) {
          LocalDate earliest = later(p.hiredOn(), day(-700)).plusDays(30);
          LocalDate latest = p.leftOn() == null ? day(-5) : p.leftOn().minusDays(1);
          if (earliest.isBefore(latest)) {
            List<String> others = new ArrayList<>(BIG);
            others.remove(name);
            Division to = division.get(others.get(random.nextInt(others.size())));
            move(p, division.get(name), to, randomDay(earliest, latest));
            Person moved = withDivision(byId.get(p.id()), to.id());
            people.set(indexOf(p.id()), moved);
            byId.put(p.id(), moved);
          }
        }
      }
    }
  }

  private void addDivision(String name) {
    Division d = new Division(uuid(), name);
    divisions.add(d);
    division.put(name, d);
  }

  private Person person(String key, UUID divisionId, int level, boolean leader, LocalDate hired) {
    int n = ++serial;
    String first = FIRST.get(random.nextInt(FIRST.size()));
    String last = LAST.get(random.nextInt(LAST.size()));
    String displayName = key.matches("[A-Z][a-z]+") ? key + " " + last : first + " " + last;
    String username = (displayName.replace(' ', '.') + n).toLowerCase();
    String title =
        leader
            ? List.of("Director", "Head of Practice", "Vice President").get(random.nextInt(3))
            : List.of("Analyst", "Engineer", "Specialist", "Coordinator").get(random.nextInt(4));
    Person p =
        new Person(
            uuid(),
            username,
            displayName,
            title,
            divisionId,
            level,
            leader,
            false,
            true,
            hired,
            null);
    people.add(p);
    byId.put(p.id(), p);
    named.put(key, p);
    return p;
  }

  private void replace(Person p, String username, boolean active, boolean hr, LocalDate leftOn) {
    Person current = byId.get(p.id());
    Person changed =
        new Person(
            current.id(),
            username,
            current.displayName(),
            current.title(),
            current.divisionId(),
            current.level(),
            current.leader(),
            hr,
            active,
            current.hiredOn(),
            leftOn);
    people.set(indexOf(p.id()), changed);
    byId.put(p.id(), changed);
  }

  private static Person withHired(Person p, LocalDate hired) {
    return new Person(
        p.id(),
        p.username(),
        p.displayName(),
        p.title(),
        p.divisionId(),
        p.level(),
        p.leader(),
        p.hr(),
        p.active(),
        hired,
        p.leftOn());
  }

  private static Person withDivision(Person p, UUID divisionId) {
    return new Person(
        p.id(),
        p.username(),
        p.displayName(),
        p.title(),
        divisionId,
        p.level(),
        p.leader(),
        p.hr(),
        p.active(),
        p.hiredOn(),
        p.leftOn());
  }

  private int indexOf(UUID id) {
    for (int i = 0; i < people.size(); i++) {
      if (people.get(i).id().equals(id)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no such person " + id);
  }

  private void move(Person p, Division from, Division to, LocalDate on) {
    moves.add(new Move(uuid(), p.id(), from.id(), to.id(), on));
  }

  private int cap() {
    return random.nextInt(10) < 3 ? 2 : 4;
  }

  private LocalDate hiredLongAgo() {
    return day(-3000 + random.nextInt(2200));
  }

  // Edges the definitions must get right, sent on purpose

  private void edges() {
    Person lena = named.get("Lena");
    Person stan = named.get("Stan");
    // The Legal column: five Finance employees (one twice) and four Marketing employees (one
    // twice) held an interview with Lena this year. Lena is Legal's one leader, so every figure of
    // the column is suppressed, the five Finance employees' too.
    int[] finance = {-280, -250, -220, -190, -160, -130};
    for (int i = 0; i < finance.length; i++) {
      Person employee = named.get("Finance-employee-" + Math.min(i, 4));
      Duration thanks =
          i == 0 ? Duration.ofHours(48) : i == 1 ? Duration.ofHours(48).plusSeconds(1) : null;
      send(employee, lena, at(finance[i], 10), Plan.held(thanks));
    }
    int[] marketing = {-265, -235, -205, -175, -145};
    for (int i = 0; i < marketing.length; i++) {
      send(named.get("Marketing-employee-" + (i % 4)), lena, at(marketing[i], 11), Plan.held());
    }
    // Legal's four employees ask leaders elsewhere.
    send(named.get("L1"), leaderIn("Engineering", 1), at(-240, 9), Plan.held());
    Referral l1 = name(heldBy(named.get("L1")), leaderIn("Operations", 6));
    send(named.get("L1"), leaderIn("Operations", 6), askedAfter(l1), Plan.held(), l1);
    send(named.get("L2"), leaderIn("Sales", 1), at(-200, 9), Plan.held());
    send(named.get("L3"), leaderIn("Finance", 1), at(-160, 9), Plan.of("DECLINED"));
    send(named.get("L4"), leaderIn("People", 1), at(-120, 9), Plan.of("EXPIRED"));
    // Research: five people asked while in Research (Rhea before her move), four were accepted.
    send(named.get("R1"), leaderIn("Engineering", 2), at(-300, 14), Plan.held());
    send(named.get("R2"), leaderIn("Operations", 2), at(-270, 14), Plan.held());
    send(named.get("R3"), leaderIn("Sales", 2), at(-230, 14), Plan.accepted("NO_SHOW"));
    send(named.get("R4"), leaderIn("Marketing", 2), at(-210, 14), Plan.of("DECLINED"));
    send(named.get("Rhea"), leaderIn("People", 2), at(-250, 15), Plan.held());
    // Strategy: three employees ask (and Sid, in his everyday requests, until he moved), three
    // Sales employees meet Stan, one more is booked ahead.
    for (int i = 1; i <= 3; i++) {
      send(named.get("S" + i), leaderIn("Operations", 3), at(-180 + 20 * i, 13), Plan.held());
      send(named.get("Sales-employee-" + i), stan, at(-170 + 20 * i, 13), Plan.held());
    }
    Request ahead =
        send(named.get("Sales-employee-4"), stan, now.minus(Duration.ofHours(30)), null);
    accept(ahead, now.minus(Duration.ofHours(20)), now.plus(Duration.ofDays(2)), "SCHEDULED");
    // Design's row: five people met five leaders of Engineering, one met Finance; the row total
    // shows, so the Finance cell's one takes the Engineering cell with it.
    for (int i = 1; i <= 5; i++) {
      send(named.get("D" + i), leaderIn("Engineering", 3 + i), at(-360 + 30 * i, 15), Plan.held());
    }
    send(named.get("D6"), leaderIn("Finance", 2), at(-180, 15), Plan.held());
    // Design's five who met Engineering were each given a name there; only D1 asked that leader
    // (declined): five people behind the names given, one behind the name followed. L1 of Legal,
    // given a name too, followed it as well, so the one followed in Design is not the only small
    // figure hidden beside Strategy's and takes no complement: it is shown if its people are
    // miscounted as those who were given names.
    for (int i = 1; i <= 5; i++) {
      Person employee = named.get("D" + i);
      Interview met = heldBy(employee);
      Referral name = name(met, leaderIn("Sales", i));
      if (i == 1) {
        send(employee, leaderIn("Sales", 1), askedAfter(name), Plan.of("DECLINED"), name);
      }
    }
    // Mo's interviews land in Engineering, Finance and Sales rows; the first was with Finance,
    // where he then moved.
    Person mo = named.get("Mo");
    send(mo, leaderIn("Finance", 3), at(-302, 9), Plan.held());
    send(mo, leaderIn("Operations", 4), at(-152, 9), Plan.held());
    send(mo, leaderIn("Operations", 5), at(-52, 9), Plan.held());
    // Lea was in Marketing when she met an Engineering employee; she moved to Engineering later.
    send(
        named.get("Engineering-employee-5"),
        named.get("Marketing-leader-0"),
        at(-122, 10),
        Plan.held());
    // Lars held interviews before he left.
    Person lars = named.get("Operations-leader-0");
    send(named.get("Sales-employee-5"), lars, at(-202, 10), Plan.held());
    send(named.get("Finance-employee-5"), lars, at(-102, 10), Plan.held());
    // Leif, gone before this year, met people the year before.
    send(named.get("Sales-employee-6"), named.get("Finance-leader-0"), at(-560, 10), Plan.held());
    send(named.get("People-employee-6"), named.get("Finance-leader-0"), at(-530, 10), Plan.held());
    // Requests still waiting for an answer, one countered.
    send(
        named.get("People-employee-7"),
        leaderIn("Sales", 4),
        now.minus(Duration.ofHours(26)),
        null);
    Request countered =
        send(
            named.get("Sales-employee-7"),
            leaderIn("People", 4),
            now.minus(Duration.ofHours(40)),
            null);
    replaceRequest(
        countered,
        new Request(
            countered.id(),
            countered.requesterId(),
            countered.leaderId(),
            "COUNTER_PROPOSED",
            countered.createdAt(),
            now.minus(Duration.ofHours(3)),
            null,
            null));
    // Talent flags whose employees have not consented, or left.
    for (int i = 1; i <= 3; i++) {
      Person employee = named.get("Operations-employee-" + i);
      Request r = send(employee, leaderIn("Finance", 4 + i), at(-90 - 10 * i, 10), Plan.held());
      Interview interview = interviewOf(r.id()).orElseThrow();
      feedback.add(
          new Feedback(
              interview.id(),
              interview.leaderId(),
              employee.id(),
              true,
              "Analytics;Negotiation",
              interview.end().plus(Duration.ofHours(2))));
    }
    consents.put(
        named.get("Operations-employee-1").id(),
        new Consent(named.get("Operations-employee-1").id(), false));
    // Operations-employee-2 was never asked; Operations-employee-3 consents but leaves.
    neverAsked.add(named.get("Operations-employee-2").id());
    consents.put(
        named.get("Operations-employee-3").id(),
        new Consent(named.get("Operations-employee-3").id(), true));
    replace(
        named.get("Operations-employee-3"),
        named.get("Operations-employee-3").username(),
        false,
        false,
        day(-20));
    // Flagged and consenting: a Legal employee, a Strategy employee, and one in lower case.
    flagAndConsent(named.get("L1"), "analytics;Storytelling");
    flagAndConsent(named.get("S1"), "Leadership");
    // Otto consents and is flagged, and left yesterday: still active until the directory's next
    // import, but gone.
    Person otto = person("Otto", division.get("Operations").id(), 5, false, day(-2000));
    send(otto, leaderIn("Finance", 8), at(-80, 10), Plan.held());
    flagAndConsent(otto, "Analytics");
    replace(otto, otto.username(), true, false, day(-1));
  }

  private void flagAndConsent(Person employee, String strengths) {
    Interview interview =
        interviews.stream()
            .filter(i -> i.employeeId().equals(employee.id()) && i.status().equals("HELD"))
            .findFirst()
            .orElseThrow();
    feedback.add(
        new Feedback(
            interview.id(),
            interview.leaderId(),
            employee.id(),
            true,
            strengths,
            interview.end().plus(Duration.ofHours(5))));
    consents.put(employee.id(), new Consent(employee.id(), true));
  }

  /** The one held interview of {@code employee} so far. */
  private Interview heldBy(Person employee) {
    List<Interview> held =
        interviews.stream()
            .filter(i -> i.employeeId().equals(employee.id()) && i.status().equals("HELD"))
            .toList();
    if (held.size() != 1) {
      throw new IllegalStateException(employee.username() + " held " + held.size());
    }
    return held.get(0);
  }

  /** When an employee asks the leader {@code name} names: five days after it was given. */
  private static Instant askedAfter(Referral name) {
    return name.createdAt().plus(Duration.ofDays(5));
  }

  /** The leader met in {@code interview} names {@code referred}, half an hour after it ended. */
  private Referral name(Interview interview, Person referred) {
    Referral referral =
        new Referral(
            uuid(),
            interview.id(),
            interview.leaderId(),
            interview.employeeId(),
            referred.id(),
            1,
            null,
            1,
            interview.end().plus(Duration.ofMinutes(30)));
    referrals.add(referral);
    referralById.put(referral.id(), referral);
    return referral;
  }

  private Person leaderIn(String divisionName, int index) {
    return named.get(divisionName + "-leader-" + index);
  }

  /** Sends one request on purpose; with a plan, answers it as planned (a day and a bit later). */
  private Request send(Person employee, Person leader, Instant at, Plan plan) {
    return send(employee, leader, at, plan, null);
  }

  /** Sends one request on purpose citing {@code cites} (null: none), answered as planned. */
  private Request send(Person employee, Person leader, Instant at, Plan plan, Referral cites) {
    Request request =
        new Request(
            uuid(),
            employee.id(),
            leader.id(),
            "PENDING",
            at,
            null,
            cites == null ? null : cites.id(),
            null);
    requests.add(request);
    if (plan == null) {
      return request;
    }
    Instant answered = at.plus(Duration.ofMinutes(600 + random.nextInt(1800)));
    switch (plan.outcome()) {
      case "ACCEPTED" -> {
        Instant start = slot(leader, answered.plus(Duration.ofHours(40)));
        Interview interview = accept(request, answered, start, plan.interviewStatus());
        if (interview.status().equals("HELD")) {
          afterwards(interview, plan.namesAfterwards(), plan.thanks());
        }
      }
      case "EXPIRED", "WITHDRAWN" ->
          replaceRequest(request, withStatus(request, plan.outcome(), null));
      default -> replaceRequest(request, withStatus(request, plan.outcome(), answered));
    }
    return requests.stream().filter(r -> r.id().equals(request.id())).findFirst().orElseThrow();
  }

  private Interview accept(Request request, Instant answered, Instant start, String status) {
    replaceRequest(request, withStatus(request, "ACCEPTED", answered));
    int length = random.nextBoolean() ? 20 : 30;
    Interview interview =
        new Interview(
            uuid(),
            request.id(),
            request.requesterId(),
            request.leaderId(),
            start,
            start.plus(Duration.ofMinutes(length)),
            status,
            answered);
    interviews.add(interview);
    leaderStarts.computeIfAbsent(request.leaderId(), id -> new HashSet<>()).add(start);
    if (!status.equals("CANCELLED")) {
      booked
          .computeIfAbsent(request.leaderId(), id -> new HashMap<>())
          .merge(YearMonth.from(start.atOffset(ZoneOffset.UTC)), 1, Integer::sum);
    }
    return interview;
  }

  private static Request withStatus(Request r, String status, Instant answered) {
    return new Request(
        r.id(),
        r.requesterId(),
        r.leaderId(),
        status,
        r.createdAt(),
        answered,
        r.referralId(),
        r.redirectedFrom());
  }

  private void replaceRequest(Request old, Request changed) {
    for (int i = requests.size() - 1; i >= 0; i--) {
      if (requests.get(i).id().equals(old.id())) {
        requests.set(i, changed);
        return;
      }
    }
    throw new IllegalArgumentException("no such request");
  }

  Optional<Interview> interviewOf(UUID requestId) {
    return interviews.stream().filter(i -> i.requestId().equals(requestId)).findFirst();
  }

  // Everyday requests: every employee of the big divisions, month by month, for two years

  private void everydayRequests() {
    List<Person> employees = everydayEmployees();
    for (YearMonth month = YearMonth.from(day(-700)); !month.isAfter(YearMonth.from(today)); ) {
      for (Person p : employees) {
        if (random.nextInt(100) >= 20) {
          continue;
        }
        LocalDate day = month.atDay(1 + random.nextInt(18));
        Instant at =
            day.atTime(8 + random.nextInt(9), random.nextInt(60), random.nextInt(60))
                .toInstant(ZoneOffset.UTC);
        queue.add(new Send(p, at, null, null));
      }
      month = month.plusMonths(1);
    }
    while (!queue.isEmpty()) {
      everyday(queue.poll());
    }
  }

  /** The employees who send requests every month: the big divisions' and the movers'. */
  private List<Person> everydayEmployees() {
    Set<UUID> onPurpose = new HashSet<>();
    for (String key : List.of("Mo", "Rhea")) {
      onPurpose.add(named.get(key).id());
    }
    return people.stream()
        .filter(p -> !p.leader() && !p.hr())
        .filter(p -> !onPurpose.contains(p.id()))
        .filter(p -> BIG.contains(nameOf(p.divisionId())) || movedFromBig(p))
        .toList();
  }

  private boolean movedFromBig(Person p) {
    return moves.stream().anyMatch(m -> m.personId().equals(p.id()));
  }

  private String nameOf(UUID divisionId) {
    return divisions.stream()
        .filter(d -> d.id().equals(divisionId))
        .findFirst()
        .orElseThrow()
        .name();
  }

  private void everyday(Send send) {
    Person employee = send.employee();
    Instant at = send.at();
    LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
    if (!at.isBefore(now.minus(Duration.ofHours(50))) || !working(employee, day)) {
      return;
    }
    UUID own = divisionOn(employee.id(), day);
    Person leader = send.leader() != null ? send.leader() : pickLeader(employee, own, day);
    if (leader == null
        || !working(leader, day)
        || !profiles.containsKey(leader.id())
        || divisionOn(leader.id(), day).equals(own)) {
      return;
    }
    UUID referralId = send.cites() == null ? null : send.cites().id();
    Request request =
        new Request(uuid(), employee.id(), leader.id(), "PENDING", at, null, referralId, null);
    requests.add(request);
    answer(request, employee, leader, day, true);
  }

  private void answer(
      Request request, Person employee, Person leader, LocalDate day, boolean mayRedirect) {
    Instant answered =
        request.createdAt().plus(Duration.ofSeconds(1800 + random.nextInt(36 * 3600)));
    YearMonth month = YearMonth.from(day);
    int taken = booked.getOrDefault(leader.id(), Map.of()).getOrDefault(month, 0);
    int roll = random.nextInt(100);
    if (taken >= profiles.get(leader.id()).monthlyCap()) {
      replaceRequest(
          request,
          withStatus(request, roll < 70 ? "DECLINED" : "EXPIRED", roll < 70 ? answered : null));
      return;
    }
    if (roll < 55) {
      Instant start = slot(leader, answered.plus(Duration.ofHours(24 + random.nextInt(72))));
      LocalDate startDay = LocalDate.ofInstant(start, ZoneOffset.UTC);
      if (!working(leader, startDay)
          || !working(employee, startDay)
          || onMoveDay(employee, startDay)) {
        replaceRequest(request, withStatus(request, "DECLINED", answered));
        return;
      }
      String status;
      if (start.isAfter(now)) {
        status = random.nextInt(10) == 0 ? "CANCELLED" : "SCHEDULED";
      } else {
        int outcome = random.nextInt(100);
        status = outcome < 82 ? "HELD" : outcome < 91 ? "NO_SHOW" : "CANCELLED";
      }
      Interview interview = accept(request, answered, start, status);
      if (status.equals("HELD")) {
        afterwards(interview, true, null);
      }
    } else if (roll < 65) {
      replaceRequest(request, withStatus(request, "DECLINED", answered));
    } else if (roll < 73 && mayRedirect) {
      replaceRequest(request, withStatus(request, "REDIRECTED", answered));
      UUID leaderDivision = divisionOn(leader.id(), day);
      List<Person> colleagues =
          people.stream()
              .filter(p -> profiles.containsKey(p.id()) && !p.id().equals(leader.id()))
              .filter(p -> working(p, day) && divisionOn(p.id(), day).equals(leaderDivision))
              .filter(p -> !isSmall(divisionOn(p.id(), day)))
              .toList();
      if (colleagues.isEmpty()) {
        return;
      }
      Person colleague = colleagues.get(random.nextInt(colleagues.size()));
      Request redirected =
          new Request(
              uuid(),
              employee.id(),
              colleague.id(),
              "PENDING",
              answered,
              null,
              request.referralId(),
              request.id());
      requests.add(redirected);
      answer(redirected, employee, colleague, day, false);
    } else if (roll < 85) {
      replaceRequest(request, withStatus(request, "EXPIRED", null));
    } else if (roll < 90) {
      replaceRequest(request, withStatus(request, "WITHDRAWN", null));
    } else if (roll < 95) {
      // Countered, and the employee never took the other time.
      replaceRequest(request, withStatus(request, "EXPIRED", answered));
    } else {
      replaceRequest(request, withStatus(request, "DECLINED", answered));
    }
  }

  private Person pickLeader(Person employee, UUID own, LocalDate day) {
    List<Move> ahead =
        moves.stream()
            .filter(m -> m.personId().equals(employee.id()))
            .filter(m -> m.movedOn().isAfter(day) && m.movedOn().isBefore(day.plusDays(200)))
            .toList();
    UUID target;
    if (!ahead.isEmpty() && random.nextBoolean()) {
      target = ahead.get(0).toDivision();
    } else {
      // Each division looks most towards the next two in the list.
      int index = BIG.indexOf(nameOf(own));
      List<String> weighted = new ArrayList<>(BIG);
      if (index >= 0) {
        for (int k = 1; k <= 2; k++) {
          String favourite = BIG.get((index + k) % BIG.size());
          weighted.add(favourite);
          weighted.add(favourite);
          weighted.add(favourite);
        }
      }
      target = division.get(weighted.get(random.nextInt(weighted.size()))).id();
    }
    UUID chosen = target;
    List<Person> leaders =
        people.stream()
            .filter(p -> profiles.containsKey(p.id()) && working(p, day))
            .filter(p -> divisionOn(p.id(), day).equals(chosen))
            .toList();
    return leaders.isEmpty() ? null : leaders.get(random.nextInt(leaders.size()));
  }

  private boolean isSmall(UUID divisionId) {
    return !BIG.contains(nameOf(divisionId));
  }

  /** After a held interview: thanks, names, a contact, feedback. */
  private void afterwards(Interview interview, boolean names, Duration thanks) {
    Instant end = interview.end();
    int roll = random.nextInt(100);
    Duration after =
        thanks != null
            ? thanks
            : roll < 72
                ? Duration.ofMinutes(10 + random.nextInt(47 * 60))
                : roll < 84 ? Duration.ofMinutes(49 * 60 + random.nextInt(100 * 60)) : null;
    if (after != null && end.plus(after).isBefore(now)) {
      thankYous.add(
          new ThankYou(
              interview.id(), interview.employeeId(), interview.leaderId(), end, end.plus(after)));
    }
    Person employee = byId.get(interview.employeeId());
    LocalDate day = LocalDate.ofInstant(interview.start(), ZoneOffset.UTC);
    if (names && random.nextInt(100) < 50) {
      Request request =
          requests.stream()
              .filter(r -> r.id().equals(interview.requestId()))
              .findFirst()
              .orElseThrow();
      Referral cited = request.referralId() == null ? null : referralById.get(request.referralId());
      UUID own = divisionOn(employee.id(), day);
      List<Person> candidates =
          people.stream()
              .filter(p -> profiles.containsKey(p.id()) && !p.id().equals(interview.leaderId()))
              .filter(p -> working(p, day) && !divisionOn(p.id(), day).equals(own))
              .filter(p -> !isSmall(divisionOn(p.id(), day)))
              .toList();
      int count = 1 + random.nextInt(2);
      Set<UUID> given = new HashSet<>();
      for (int position = 1; position <= count; position++) {
        Person referred = candidates.get(random.nextInt(candidates.size()));
        if (!given.add(referred.id())) {
          continue;
        }
        Referral referral =
            new Referral(
                uuid(),
                interview.id(),
                interview.leaderId(),
                employee.id(),
                referred.id(),
                cited == null ? 1 : cited.depth() + 1,
                cited == null ? null : cited.id(),
                position,
                end.plus(Duration.ofMinutes(5 + random.nextInt(180))));
        referrals.add(referral);
        referralById.put(referral.id(), referral);
        if (random.nextInt(100) < 65) {
          Instant at =
              firstHalfOfMonth(referral.createdAt().plus(Duration.ofDays(2 + random.nextInt(24))));
          queue.add(new Send(employee, at, referred, referral));
        }
      }
    }
    String key = interview.employeeId() + "/" + interview.leaderId();
    if (!contacts.containsKey(key)) {
      long periods = Duration.between(end, now).toDays() / 30;
      int due = (int) Math.min(12, periods) - random.nextInt(2);
      due = Math.max(0, due);
      int onTime = due == 0 ? 0 : random.nextInt(due + 1);
      contacts.put(
          key, new Contact(interview.employeeId(), interview.leaderId(), end, due, onTime));
    }
    if (names && random.nextInt(100) < 45) {
      Instant given = end.plus(Duration.ofMinutes(60 + random.nextInt(72 * 60)));
      if (given.isBefore(now)) {
        List<String> strengths = new ArrayList<>(STRENGTHS);
        java.util.Collections.shuffle(strengths, random);
        feedback.add(
            new Feedback(
                interview.id(),
                interview.leaderId(),
                interview.employeeId(),
                random.nextInt(100) < 40,
                String.join(";", strengths.subList(0, 1 + random.nextInt(3))),
                given));
      }
    }
  }

  /**
   * Requests are sent in the first 18 days of a month, so the month they are booked in is theirs.
   */
  private Instant firstHalfOfMonth(Instant at) {
    LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
    if (day.getDayOfMonth() <= 18) {
      return at;
    }
    LocalDate next = YearMonth.from(day).plusMonths(1).atDay(1 + random.nextInt(10));
    return next.atTime(9 + random.nextInt(8), random.nextInt(60)).toInstant(ZoneOffset.UTC);
  }

  /**
   * The first free half-hour at or after {@code earliest} within working hours (UTC), on a day
   * whose anniversaries six and twelve months later are not today (so no window ends today).
   */
  private Instant slot(Person leader, Instant earliest) {
    Instant candidate = earliest.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    Set<Instant> taken = leaderStarts.computeIfAbsent(leader.id(), id -> new HashSet<>());
    while (true) {
      int hour = candidate.atOffset(ZoneOffset.UTC).getHour();
      LocalDate day = LocalDate.ofInstant(candidate, ZoneOffset.UTC);
      if (hour < 9 || hour > 16 || endsToday(day)) {
        candidate = candidate.plus(Duration.ofMinutes(30));
        continue;
      }
      if (!taken.contains(candidate)) {
        return candidate;
      }
      candidate = candidate.plus(Duration.ofMinutes(30));
    }
  }

  private boolean endsToday(LocalDate anchor) {
    return anchor.plusMonths(6).equals(today) || anchor.plusMonths(12).equals(today);
  }

  private boolean onMoveDay(Person p, LocalDate day) {
    return moves.stream().anyMatch(m -> m.personId().equals(p.id()) && m.movedOn().equals(day));
  }

  private void consents() {
    for (Feedback f : feedback) {
      if (f.talentPool()
          && !consents.containsKey(f.employeeId())
          && !neverAsked.contains(f.employeeId())) {
        int roll = random.nextInt(100);
        if (roll < 60) {
          consents.put(f.employeeId(), new Consent(f.employeeId(), true));
        } else if (roll < 85) {
          consents.put(f.employeeId(), new Consent(f.employeeId(), false));
        }
      }
    }
  }

  // The company's load: no bucket with one to four leaders, so its Gini and Lorenz curve show

  /** The fewest held interviews of each of the leaders' load buckets: 0, 1, 2, 3-4, 5-9, 10+. */
  private static final int[] LOAD = {0, 1, 2, 3, 5, 10};

  /**
   * The requests above leave some of the company's load buckets with one to four leaders, and any
   * one of them hides the company's Gini and Lorenz curve. Each such bucket of this year and of the
   * earlier period is filled to five with leaders of that period alone: leaders who joined after
   * the earlier period, or left on the first day of this year.
   */
  private void loadSpread() {
    YearMonth joined = YearMonth.from(earlierEnd).plusMonths(1);
    fill("Joined", yearStart, yearEnd, joined, YearMonth.from(today).minusMonths(1), joined, null);
    fill(
        "Gone",
        earlierStart,
        earlierEnd,
        YearMonth.from(earlierStart),
        YearMonth.from(yearStart).minusMonths(1),
        null,
        yearStart);
  }

  /**
   * Adds leaders, each holding the fewest interviews of a bucket of the period that has one to four
   * leaders, in the months {@code first} to {@code last}, until the bucket has five. They were
   * hired in {@code hired} (null: long ago) and left on {@code left} (null: still there).
   */
  private void fill(
      String key,
      LocalDate from,
      LocalDate to,
      YearMonth first,
      YearMonth last,
      YearMonth hired,
      LocalDate left) {
    int[] load = companyLoad(from, to);
    for (int b = 0; b < LOAD.length; b++) {
      for (int leaders = load[b]; leaders > 0 && leaders < 5; leaders++) {
        UUID d = division.get(BIG.get(serial % BIG.size())).id();
        Person leader =
            person(
                key + "-leader-" + serial,
                d,
                8,
                true,
                hired == null ? hiredLongAgo() : hired.atDay(1));
        if (left != null) {
          replace(leader, leader.username(), false, false, left);
        }
        profiles.put(leader.id(), new LeaderProfile(leader.id(), 4));
        hold(leader, LOAD[b], first, last);
      }
    }
  }

  /** {@code count} interviews held with {@code leader}, at most two a month, by other divisions. */
  private void hold(Person leader, int count, YearMonth first, YearMonth last) {
    int months = (int) ChronoUnit.MONTHS.between(first, last) + 1;
    Set<UUID> met = new HashSet<>();
    for (int j = 0; j < count; j++) {
      YearMonth month = first.plusMonths((long) j * months / count);
      LocalDate day = month.atDay(2 + random.nextInt(16));
      Instant at = day.atTime(9 + random.nextInt(8), random.nextInt(60)).toInstant(ZoneOffset.UTC);
      UUID own = divisionOn(leader.id(), day);
      List<Person> employees =
          everydayEmployees().stream()
              .filter(p -> p.active() || p.leftOn() != null)
              .filter(p -> working(p, day) && working(p, day.plusDays(7)) && !met.contains(p.id()))
              .filter(
                  p ->
                      moves.stream()
                          .noneMatch(
                              m ->
                                  m.personId().equals(p.id())
                                      && !m.movedOn().isBefore(day)
                                      && !m.movedOn().isAfter(day.plusDays(7))))
              .filter(
                  p -> !isSmall(divisionOn(p.id(), day)) && !divisionOn(p.id(), day).equals(own))
              .toList();
      Person employee = employees.get(random.nextInt(employees.size()));
      met.add(employee.id());
      send(employee, leader, at, Plan.held());
    }
  }

  /** The company's eligible leaders in a period by the load bucket of their held interviews. */
  private int[] companyLoad(LocalDate from, LocalDate to) {
    Map<UUID, Integer> held = new HashMap<>();
    for (Person p : people) {
      if (p.leader()
          && profiles.containsKey(p.id())
          && (p.active() || p.leftOn() != null)
          && (p.hiredOn() == null || !p.hiredOn().isAfter(to))
          && (p.leftOn() == null || p.leftOn().isAfter(from))) {
        held.put(p.id(), 0);
      }
    }
    for (Interview i : interviews) {
      LocalDate day = LocalDate.ofInstant(i.start(), ZoneOffset.UTC);
      if (held.containsKey(i.leaderId())
          && i.status().equals("HELD")
          && !day.isBefore(from)
          && !day.isAfter(to)) {
        held.merge(i.leaderId(), 1, Integer::sum);
      }
    }
    int[] load = new int[LOAD.length];
    for (int n : held.values()) {
      int b = LOAD.length - 1;
      while (LOAD[b] > n) {
        b--;
      }
      load[b]++;
    }
    return load;
  }

  // Reading the directory as of a day

  /**
   * The division a person was in on a day: the earliest later move's origin, else the current one.
   */
  UUID divisionOn(UUID personId, LocalDate day) {
    return moves.stream()
        .filter(m -> m.personId().equals(personId) && m.movedOn().isAfter(day))
        .min(Comparator.comparing(Move::movedOn))
        .map(Move::fromDivision)
        .orElse(byId.get(personId).divisionId());
  }

  /** Hired and not gone on that day (for generating: inactive people without a date still work). */
  private static boolean working(Person p, LocalDate day) {
    return (p.hiredOn() == null || !p.hiredOn().isAfter(day))
        && (p.leftOn() == null || p.leftOn().isAfter(day));
  }

  List<MonthLoad> monthLoads() {
    List<MonthLoad> loads = new ArrayList<>();
    booked.forEach(
        (leader, months) ->
            months.forEach((month, count) -> loads.add(new MonthLoad(leader, month, count))));
    return loads;
  }

  private LocalDate day(int offset) {
    return today.plusDays(offset);
  }

  /** That many days from today, moved back to the 18th if later in its month (see below). */
  private Instant at(int dayOffset, int hour) {
    LocalDate d = day(dayOffset);
    return d.withDayOfMonth(Math.min(18, d.getDayOfMonth()))
        .atTime(hour, 7, 30)
        .toInstant(ZoneOffset.UTC);
  }

  private LocalDate randomDay(LocalDate from, LocalDate to) {
    return from.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(from, to) + 1));
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a == null || a.isBefore(b) ? b : a;
  }

  private UUID uuid() {
    return new UUID(
        random.nextLong() & 0xffffffffffff0fffL | 0x0000000000004000L,
        random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L);
  }

  // Writing it into the database

  void insert(Connection db) throws SQLException {
    boolean dates = hasColumn(db, "person", "hired_on");
    db.setAutoCommit(false);
    batch(
        db,
        "insert into division (id, name) values (?, ?)",
        divisions,
        (s, d) -> {
          s.setObject(1, d.id());
          s.setString(2, d.name());
        });
    batch(
        db,
        "insert into person (id, username, display_name, email, division_id, title, level,"
            + " manager_id, time_zone, leader, hr, active"
            + (dates ? ", hired_on, left_on" : "")
            + ") values (?, ?, ?, ?, ?, ?, ?, null, 'UTC', ?, ?, ?"
            + (dates ? ", ?, ?" : "")
            + ")",
        people,
        (s, p) -> {
          s.setObject(1, p.id());
          s.setString(2, p.username());
          s.setString(3, p.displayName());
          s.setString(4, p.username() + "@crossroads.example");
          s.setObject(5, p.divisionId());
          s.setString(6, p.title());
          s.setInt(7, p.level());
          s.setBoolean(8, p.leader());
          s.setBoolean(9, p.hr());
          s.setBoolean(10, p.active());
          if (dates) {
            s.setObject(11, p.hiredOn());
            s.setObject(12, p.leftOn());
          }
        });
    Person hr = people.stream().filter(Person::hr).findFirst().orElseThrow();
    try (PreparedStatement s =
        db.prepareStatement("insert into credential (person_id, password_hash) values (?, ?)")) {
      s.setObject(1, hr.id());
      s.setString(2, io.crossroads.platform.security.PasswordHasher.hash(Api.PASSWORD));
      s.executeUpdate();
    }
    batch(
        db,
        "insert into leader_profile (person_id, accepting_requests, bio, monthly_cap, lengths,"
            + " formats, version) values (?, true, '', ?, '15,20,30', 'VIDEO,PHONE,IN_PERSON', 0)",
        List.copyOf(profiles.values()),
        (s, l) -> {
          s.setObject(1, l.personId());
          s.setInt(2, l.monthlyCap());
        });
    batch(
        db,
        "insert into internal_move (id, person_id, from_division, to_division, moved_on,"
            + " recorded_at) values (?, ?, ?, ?, ?, ?)",
        moves,
        (s, m) -> {
          s.setObject(1, m.id());
          s.setObject(2, m.personId());
          s.setObject(3, m.fromDivision());
          s.setObject(4, m.toDivision());
          s.setObject(5, m.movedOn());
          s.setObject(6, time(m.movedOn().atStartOfDay(ZoneOffset.UTC).toInstant()));
        });
    List<Request> ordered = new ArrayList<>(requests);
    ordered.sort(
        Comparator.comparing(Request::createdAt)
            .thenComparing(r -> r.redirectedFrom() == null ? 0 : 1));
    batch(
        db,
        "insert into interview_request (id, requester_id, leader_id, status, length_minutes,"
            + " format, intro, learn, why_you, referral_id, created_at, last_attempt_at,"
            + " answered_at, version, follow_ups, redirected_from) values (?, ?, ?, ?, 20,"
            + " 'VIDEO', 'Hello', 'How your team works', 'Your division', ?, ?, ?, ?, 0, 0, ?)",
        ordered,
        (s, r) -> {
          s.setObject(1, r.id());
          s.setObject(2, r.requesterId());
          s.setObject(3, r.leaderId());
          s.setString(4, r.status());
          s.setObject(5, r.referralId());
          s.setObject(6, time(r.createdAt()));
          s.setObject(7, time(r.createdAt()));
          s.setObject(8, time(r.answeredAt()));
          s.setObject(9, r.redirectedFrom());
        });
    batch(
        db,
        "insert into interview (id, request_id, employee_id, leader_id, start_at, end_at,"
            + " length_minutes, format, status, sequence, created_at, version, block_start,"
            + " block_end) values (?, ?, ?, ?, ?, ?, ?, 'VIDEO', ?, 0, ?, 0, ?, ?)",
        interviews,
        (s, i) -> {
          s.setObject(1, i.id());
          s.setObject(2, i.requestId());
          s.setObject(3, i.employeeId());
          s.setObject(4, i.leaderId());
          s.setObject(5, time(i.start()));
          s.setObject(6, time(i.end()));
          s.setInt(7, (int) Duration.between(i.start(), i.end()).toMinutes());
          s.setString(8, i.status());
          s.setObject(9, time(i.createdAt()));
          s.setObject(10, time(i.start()));
          s.setObject(11, time(i.end()));
        });
    batch(
        db,
        "insert into thank_you (interview_id, employee_id, leader_id, message,"
            + " interview_ended_at, sent_at) values (?, ?, ?, 'Thank you', ?, ?)",
        thankYous,
        (s, t) -> {
          s.setObject(1, t.interviewId());
          s.setObject(2, t.employeeId());
          s.setObject(3, t.leaderId());
          s.setObject(4, time(t.endedAt()));
          s.setObject(5, time(t.sentAt()));
        });
    List<Referral> byDepth = new ArrayList<>(referrals);
    byDepth.sort(Comparator.comparingInt(Referral::depth));
    batch(
        db,
        "insert into referral (id, interview_id, referrer_id, employee_id, referred_id,"
            + " may_use_name, note, depth, came_from, position, created_at)"
            + " values (?, ?, ?, ?, ?, true, 'Ask about planning', ?, ?, ?, ?)",
        byDepth,
        (s, r) -> {
          s.setObject(1, r.id());
          s.setObject(2, r.interviewId());
          s.setObject(3, r.referrerId());
          s.setObject(4, r.employeeId());
          s.setObject(5, r.referredId());
          s.setInt(6, r.depth());
          s.setObject(7, r.cameFrom());
          s.setInt(8, r.position());
          s.setObject(9, time(r.createdAt()));
        });
    batch(
        db,
        "insert into contact (employee_id, person_id, cadence_days, met_at, last_touch_at,"
            + " next_due_at, snoozed_until, stopped, touches_due, touches_on_time, version)"
            + " values (?, ?, 30, ?, null, ?, null, false, ?, ?, 0)",
        List.copyOf(contacts.values()),
        (s, c) -> {
          s.setObject(1, c.employeeId());
          s.setObject(2, c.personId());
          s.setObject(3, time(c.metAt()));
          s.setObject(4, time(c.metAt().plus(Duration.ofDays(30L * (c.touchesDue() + 1)))));
          s.setInt(5, c.touchesDue());
          s.setInt(6, c.touchesOnTime());
        });
    batch(
        db,
        "insert into leader_feedback (interview_id, leader_id, employee_id, talent_pool,"
            + " strengths, note, given_at) values (?, ?, ?, ?, ?, 'A private note', ?)",
        feedback,
        (s, f) -> {
          s.setObject(1, f.interviewId());
          s.setObject(2, f.leaderId());
          s.setObject(3, f.employeeId());
          s.setBoolean(4, f.talentPool());
          s.setString(5, f.strengths());
          s.setObject(6, time(f.givenAt()));
        });
    batch(
        db,
        "insert into talent_consent (employee_id, visible_to_hr, changed_at) values (?, ?, ?)",
        List.copyOf(consents.values()),
        (s, c) -> {
          s.setObject(1, c.employeeId());
          s.setBoolean(2, c.visibleToHr());
          s.setObject(3, time(now.minus(Duration.ofDays(1))));
        });
    batch(
        db,
        "insert into leader_month_load (leader_id, period, booked) values (?, ?, ?)",
        monthLoads(),
        (s, l) -> {
          s.setObject(1, l.leaderId());
          s.setString(2, l.month().toString());
          s.setInt(3, l.booked());
        });
    db.commit();
  }

  private static boolean hasColumn(Connection db, String table, String column) throws SQLException {
    for (String t : List.of(table, table.toUpperCase())) {
      for (String c : List.of(column, column.toUpperCase())) {
        try (ResultSet columns = db.getMetaData().getColumns(null, null, t, c)) {
          if (columns.next()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private interface Binder<T> {
    void bind(PreparedStatement statement, T row) throws SQLException;
  }

  private static <T> void batch(Connection db, String sql, List<T> rows, Binder<T> binder)
      throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (T row : rows) {
        binder.bind(statement, row);
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }
}
