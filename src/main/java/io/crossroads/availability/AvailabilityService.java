package io.crossroads.availability;

import io.crossroads.availability.AvailabilityViews.AvailabilityView;
import io.crossroads.availability.AvailabilityViews.DateOverride;
import io.crossroads.availability.AvailabilityViews.MonthLoad;
import io.crossroads.availability.AvailabilityViews.Range;
import io.crossroads.availability.AvailabilityViews.SlotView;
import io.crossroads.availability.AvailabilityViews.Weekly;
import io.crossroads.availability.SlotFinder.Block;
import io.crossroads.availability.SlotFinder.Slot;
import io.crossroads.people.Directory;
import io.crossroads.people.LeaderProfile;
import io.crossroads.people.Person;
import io.crossroads.platform.persistence.Entities;
import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
import io.crossroads.platform.security.Caller;
import io.crossroads.program.Program;
import io.crossroads.program.ProgramRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/** Leaders' availability and the open slots it leaves. */
@ApplicationScoped
public class AvailabilityService {

  @PersistenceContext EntityManager em;
  @Inject Directory directory;
  @Inject Bookings bookings;
  @Inject MonthlyLoads loads;
  @Inject Program program;
  @Inject java.time.Clock clock;

  /** The leader's schedule, or the standard one until they set their own. */
  public Schedule schedule(Person leader) {
    Availability stored = em.find(Availability.class, leader.id());
    return stored == null ? Schedule.standard(leader.timeZone()) : stored.schedule();
  }

  @Transactional
  public AvailabilityView get(Caller caller, UUID leaderId) {
    Person leader = leader(leaderId);
    requireSelf(caller, leaderId);
    return view(schedule(leader), thisMonth(leader));
  }

  @Transactional
  public AvailabilityView replace(Caller caller, UUID leaderId, AvailabilityView body) {
    Person leader = leader(leaderId);
    requireSelf(caller, leaderId);
    Schedule schedule = schedule(leader, body);
    Availability stored = em.find(Availability.class, leaderId);
    if (stored == null) {
      em.persist(new Availability(leaderId, schedule));
    } else {
      stored.replace(schedule);
    }
    return view(schedule, thisMonth(leader));
  }

  /**
   * The leader's interviews this month, on the clock of their hours, against their monthly cap, as
   * the cap counts them; none for a leader without a profile.
   */
  private MonthLoad thisMonth(Person leader) {
    YearMonth month = YearMonth.from(clock.instant().atZone(schedule(leader).zone()));
    return directory
        .leaderProfile(leader.id())
        .map(
            profile ->
                new MonthLoad(
                    month.toString(),
                    loads.booked(leader.id(), List.of(month)).getOrDefault(month, 0),
                    profile.monthlyCap()))
        .orElse(null);
  }

  @Transactional
  public List<SlotView> slots(UUID leaderId, Instant from, Instant to, int length) {
    Person leader = leader(leaderId);
    LeaderProfile profile =
        directory.leaderProfile(leaderId).orElseThrow(() -> Refusal.notFound("The leader"));
    if (!to.isAfter(from)) {
      throw Refusal.invalid("to", "must be after from");
    }
    if (Duration.between(from, to).compareTo(SlotFinder.MAX_RANGE) > 0) {
      throw Refusal.invalid("to", "at most 31 days after from");
    }
    ProgramRules rules = program.rules();
    if (!rules.allowsLength(length)) {
      throw Refusal.invalid("length", "one of " + rules.lengths() + " minutes");
    }
    if (!profile.offers(length)) {
      throw new Refusal(
          ProblemType.LENGTH_NOT_OFFERED,
          leader.displayName() + " offers " + profile.lengths() + " minutes.");
    }
    return open(leader, profile, from, to, Duration.ofMinutes(length)).stream()
        .map(s -> new SlotView(s.start(), s.end()))
        .toList();
  }

  /** Open slots of a leader starting in {@code [from, to)}; none while they pause requests. */
  public List<Slot> open(
      Person leader, LeaderProfile profile, Instant from, Instant to, Duration length) {
    if (!profile.acceptingRequests()) {
      return List.of();
    }
    return open(leader, profile, from, to, length, null);
  }

  /**
   * How many open slots of {@code length} each leader has starting in {@code [from, to)}, in a
   * handful of queries for all of them. Leaders who pause requests have none.
   */
  public Map<UUID, Integer> openCounts(
      List<UUID> leaderIds, Instant from, Instant to, Duration length) {
    Map<UUID, Integer> counts = new java.util.HashMap<>();
    if (leaderIds.isEmpty()) {
      return counts;
    }
    Map<UUID, Person> people = directory.people(leaderIds);
    Map<UUID, LeaderProfile> profiles = directory.leaderProfiles(leaderIds);
    Map<UUID, Availability> stored =
        Entities.byIds(em, Availability.class, leaderIds, Availability::leaderId);
    Map<UUID, List<Block>> blocks = new java.util.HashMap<>();
    bookings
        .ofLeaders(leaderIds, from.minus(Duration.ofDays(1)), to.plus(Duration.ofDays(1)))
        .forEach(
            i ->
                blocks
                    .computeIfAbsent(i.leaderId(), id -> new ArrayList<>())
                    .add(new Block(i.blockStart(), i.blockEnd())));
    java.util.Set<YearMonth> months = new java.util.HashSet<>();
    for (YearMonth m = YearMonth.from(from.atZone(java.time.ZoneOffset.UTC)).minusMonths(1);
        !m.isAfter(YearMonth.from(to.atZone(java.time.ZoneOffset.UTC)).plusMonths(1));
        m = m.plusMonths(1)) {
      months.add(m);
    }
    Map<UUID, Map<YearMonth, Integer>> booked = loads.booked(leaderIds, months);
    for (UUID id : leaderIds) {
      Person leader = people.get(id);
      LeaderProfile profile = profiles.get(id);
      if (leader == null || profile == null || !profile.acceptingRequests()) {
        counts.put(id, 0);
        continue;
      }
      Availability availability = stored.get(id);
      Schedule schedule =
          availability == null ? Schedule.standard(leader.timeZone()) : availability.schedule();
      counts.put(
          id,
          SlotFinder.open(
                  schedule,
                  from,
                  to,
                  length,
                  clock.instant(),
                  blocks.getOrDefault(id, List.of()),
                  profile.monthlyCap(),
                  booked.getOrDefault(id, Map.of()))
              .size());
    }
    return counts;
  }

  /**
   * Whether a booking may move to {@code start}: open as if the booking were not on the calendar,
   * neither its time nor its place under the cap. Leaders who pause new requests can still move the
   * interviews they have.
   */
  public boolean openForMove(
      Person leader,
      LeaderProfile profile,
      UUID movingId,
      Instant movingStart,
      int lengthMinutes,
      Instant start) {
    return open(
            leader,
            profile,
            start,
            start.plusSeconds(1),
            Duration.ofMinutes(lengthMinutes),
            new Moving(movingId, movingStart))
        .stream()
        .anyMatch(slot -> slot.start().equals(start));
  }

  /**
   * What the leader's calendar says about some proposed starts, for one decision: the month
   * counters of their months are read once (one query) and serve both the places left under the cap
   * and which starts are open slots.
   */
  public Openings openings(Person leader, LeaderProfile profile, Collection<Instant> starts) {
    Schedule schedule = schedule(leader);
    List<YearMonth> months =
        starts.stream()
            .map(start -> YearMonth.from(start.atZone(schedule.zone())))
            .distinct()
            .toList();
    return new Openings(
        leader, profile, schedule, List.copyOf(starts), loads.booked(leader.id(), months));
  }

  /** A leader's calendar as read for some proposed starts; see {@link #openings}. */
  public final class Openings {

    private final Person leader;
    private final LeaderProfile profile;
    private final Schedule schedule;
    private final List<Instant> starts;
    private final Map<YearMonth, Integer> booked;

    private Openings(
        Person leader,
        LeaderProfile profile,
        Schedule schedule,
        List<Instant> starts,
        Map<YearMonth, Integer> booked) {
      this.leader = leader;
      this.profile = profile;
      this.schedule = schedule;
      this.starts = starts;
      this.booked = booked;
    }

    /** Places left under the cap: the most any month of the starts has left. */
    public int placesLeft() {
      return starts.stream()
          .map(start -> YearMonth.from(start.atZone(schedule.zone())))
          .distinct()
          .mapToInt(month -> profile.monthlyCap() - booked.getOrDefault(month, 0))
          .max()
          .orElse(0);
    }

    /**
     * The starts that are open slots of {@code length}, reading the leader's interviews in 31-day
     * steps; none while they pause requests.
     */
    public java.util.Set<Instant> open(Duration length) {
      java.util.Set<Instant> open = new java.util.HashSet<>();
      if (starts.isEmpty() || !profile.acceptingRequests()) {
        return open;
      }
      Instant first = starts.stream().min(Instant::compareTo).orElseThrow();
      Instant last = starts.stream().max(Instant::compareTo).orElseThrow();
      for (Instant from = first; !from.isAfter(last); from = from.plus(SlotFinder.MAX_RANGE)) {
        Instant to = from.plus(SlotFinder.MAX_RANGE);
        to = to.isBefore(last.plusSeconds(1)) ? to : last.plusSeconds(1);
        // Months outside the starts' are not in the counters read: slots there are not asked for.
        SlotFinder.open(
                schedule,
                from,
                to,
                length,
                clock.instant(),
                blocks(leader, from, to, null),
                profile.monthlyCap(),
                booked)
            .stream()
            .map(Slot::start)
            .filter(starts::contains)
            .forEach(open::add);
      }
      return open;
    }
  }

  /**
   * {@link Openings#placesLeft()} for several leaders at once, in two queries: the most any month
   * of {@code starts} (in each leader's zone) has left under their cap; leaders without a profile
   * among {@code profiles} have none.
   */
  public Map<UUID, Integer> placesLeft(
      Collection<Person> leaders, Map<UUID, LeaderProfile> profiles, Collection<Instant> starts) {
    List<UUID> ids = leaders.stream().map(Person::id).toList();
    Map<UUID, Availability> stored =
        Entities.byIds(em, Availability.class, ids, Availability::leaderId);
    Map<UUID, List<YearMonth>> monthsOf = new java.util.HashMap<>();
    for (Person leader : leaders) {
      Availability availability = stored.get(leader.id());
      ZoneId zone = availability == null ? leader.timeZone() : availability.zone();
      monthsOf.put(
          leader.id(),
          starts.stream().map(start -> YearMonth.from(start.atZone(zone))).distinct().toList());
    }
    Map<UUID, Map<YearMonth, Integer>> booked =
        loads.booked(
            ids, monthsOf.values().stream().flatMap(List::stream).collect(Collectors.toSet()));
    Map<UUID, Integer> places = new java.util.HashMap<>();
    for (Person leader : leaders) {
      LeaderProfile profile = profiles.get(leader.id());
      Map<YearMonth, Integer> bookedOf = booked.getOrDefault(leader.id(), Map.of());
      places.put(
          leader.id(),
          profile == null
              ? 0
              : monthsOf.get(leader.id()).stream()
                  .mapToInt(month -> profile.monthlyCap() - bookedOf.getOrDefault(month, 0))
                  .max()
                  .orElse(0));
    }
    return places;
  }

  /** A booking being moved: its own time and place do not count against the move. */
  private record Moving(UUID id, Instant start) {}

  private List<Slot> open(
      Person leader,
      LeaderProfile profile,
      Instant from,
      Instant to,
      Duration length,
      Moving moving) {
    Schedule schedule = schedule(leader);
    List<Block> blocks = blocks(leader, from, to, moving);
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(from.atZone(schedule.zone()));
        !m.isAfter(YearMonth.from(to.atZone(schedule.zone())));
        m = m.plusMonths(1)) {
      months.add(m);
    }
    Map<YearMonth, Integer> booked = new java.util.HashMap<>(loads.booked(leader.id(), months));
    if (moving != null) {
      booked.computeIfPresent(
          YearMonth.from(moving.start().atZone(schedule.zone())), (m, n) -> n - 1);
    }
    return SlotFinder.open(
        schedule, from, to, length, clock.instant(), blocks, profile.monthlyCap(), booked);
  }

  /** What the leader's active interviews block around {@code [from, to)}, but the one moving. */
  private List<Block> blocks(Person leader, Instant from, Instant to, Moving moving) {
    return bookings
        .ofLeaders(
            List.of(leader.id()), from.minus(Duration.ofDays(1)), to.plus(Duration.ofDays(1)))
        .stream()
        .filter(b -> moving == null || !b.id().equals(moving.id()))
        .map(b -> new Block(b.blockStart(), b.blockEnd()))
        .toList();
  }

  /**
   * Reads these people into the transaction in one statement, with the profile and the stored
   * availability of any leader among them: the reads of them that follow in the same transaction
   * (the directory's and this service's) find them there instead of asking the database again.
   */
  public void load(List<UUID> personIds) {
    List<UUID> ids = personIds.stream().distinct().toList();
    if (ids.isEmpty()) {
      return;
    }
    // A parameter per id, not one list parameter: Hibernate translates a query with a list
    // parameter to SQL again on every execution, one with single values only once per length
    // (and "in (:id0)" alone would be taken for a list parameter).
    StringBuilder in = new StringBuilder(ids.size() == 1 ? " = :id0" : " in (");
    for (int i = 0; ids.size() > 1 && i < ids.size(); i++) {
      in.append(i == 0 ? ":id" : ", :id").append(i);
    }
    if (ids.size() > 1) {
      in.append(')');
    }
    var query =
        em.createQuery(
            "select p, lp, a from Person p"
                + " left join LeaderProfile lp on lp.personId = p.id"
                + " left join fetch lp.topics"
                + " left join Availability a on a.leaderId = p.id"
                + " where p.id"
                + in,
            Object[].class);
    for (int i = 0; i < ids.size(); i++) {
      query.setParameter("id" + i, ids.get(i));
    }
    query.getResultList();
  }

  private Person leader(UUID leaderId) {
    return directory
        .person(leaderId)
        .filter(Person::isActive)
        .filter(Person::isLeader)
        .orElseThrow(() -> Refusal.notFound("The leader"));
  }

  private static void requireSelf(Caller caller, UUID leaderId) {
    if (!caller.is(leaderId)) {
      throw Refusal.forbidden("Only the leader manages their availability.");
    }
  }

  static Schedule schedule(Person leader, AvailabilityView body) {
    Map<DayOfWeek, List<TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
    for (Weekly w : body.weekly()) {
      weekly
          .computeIfAbsent(w.day(), d -> new ArrayList<>())
          .add(new TimeRange(TimeRange.time(w.start()), TimeRange.time(w.end())));
    }
    Map<LocalDate, List<TimeRange>> overrides = new TreeMap<>();
    for (DateOverride o : body.overrides() == null ? List.<DateOverride>of() : body.overrides()) {
      if (overrides.containsKey(o.date())) {
        throw Refusal.invalid("overrides", o.date() + " is listed twice");
      }
      overrides.put(
          o.date(),
          o.ranges().stream()
              .map(r -> new TimeRange(TimeRange.time(r.start()), TimeRange.time(r.end())))
              .toList());
    }
    return new Schedule(
        body.timeZone() == null ? leader.timeZone() : Availability.zone(body.timeZone()),
        weekly,
        overrides,
        Duration.ofMinutes(body.bufferBefore()),
        Duration.ofMinutes(body.bufferAfter()),
        Duration.ofHours(body.minNoticeHours()),
        body.horizonDays());
  }

  static AvailabilityView view(Schedule schedule, MonthLoad thisMonth) {
    List<Weekly> weekly = new ArrayList<>();
    schedule
        .weekly()
        .forEach(
            (day, ranges) ->
                ranges.forEach(
                    r ->
                        weekly.add(
                            new Weekly(
                                day, TimeRange.format(r.start()), TimeRange.format(r.end())))));
    List<DateOverride> overrides = new ArrayList<>();
    schedule
        .overrides()
        .forEach(
            (date, ranges) ->
                overrides.add(
                    new DateOverride(
                        date,
                        ranges.stream()
                            .map(
                                r ->
                                    new Range(
                                        TimeRange.format(r.start()), TimeRange.format(r.end())))
                            .toList())));
    return new AvailabilityView(
        schedule.zone().getId(),
        weekly,
        overrides,
        (int) schedule.bufferBefore().toMinutes(),
        (int) schedule.bufferAfter().toMinutes(),
        (int) schedule.minNotice().toHours(),
        schedule.horizonDays(),
        thisMonth);
  }
}
