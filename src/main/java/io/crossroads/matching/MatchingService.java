package io.crossroads.matching;

import io.crossroads.availability.AvailabilityService;
import io.crossroads.matching.MatchingViews.InterestsView;
import io.crossroads.matching.MatchingViews.IntroductionView;
import io.crossroads.matching.MatchingViews.RecommendationView;
import io.crossroads.matching.MatchingViews.TopicView;
import io.crossroads.people.Directory;
import io.crossroads.people.PeopleViews.PersonRef;
import io.crossroads.people.Person;
import io.crossroads.platform.problem.Refusal;
import io.crossroads.platform.security.Caller;
import io.crossroads.program.Program;
import io.crossroads.program.ProgramRules;
import io.crossroads.requests.OtherLeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Interests, the topic vocabulary, and explained recommendations for the signed-in employee. */
@ApplicationScoped
class MatchingService implements OtherLeaders {

  /** Extra candidates ranked beyond the limit, in case fresher data rules some out. */
  private static final int SPARE = 10;

  private static final Duration SOON = Duration.ofDays(7);

  @PersistenceContext EntityManager em;
  @Inject Directory directory;
  @Inject Seekers seekers;
  @Inject LeaderPools pools;
  @Inject AvailabilityService availability;
  @Inject Program program;
  @Inject Clock clock;

  @Transactional
  public InterestsView interests(UUID personId) {
    Interest interest = em.find(Interest.class, personId);
    if (interest == null) {
      return new InterestsView(List.of(), List.of(), "");
    }
    return view(interest);
  }

  @Transactional
  public InterestsView changeInterests(Caller caller, InterestsView body) {
    List<UUID> divisions = body.targetDivisionIds().stream().distinct().toList();
    Map<UUID, ?> known = directory.divisions();
    List<UUID> unknown = divisions.stream().filter(d -> !known.containsKey(d)).toList();
    if (!unknown.isEmpty()) {
      throw Refusal.invalid("targetDivisionIds", "no such division: " + unknown);
    }
    Interest interest = em.find(Interest.class, caller.id());
    if (interest == null) {
      interest = new Interest(caller.id());
      interest.change(divisions, body.topics(), body.goals(), clock.instant());
      em.persist(interest);
    } else {
      interest.change(divisions, body.topics(), body.goals(), clock.instant());
    }
    return view(interest);
  }

  private static InterestsView view(Interest interest) {
    return new InterestsView(
        List.copyOf(interest.targetDivisions()), List.copyOf(interest.topics()), interest.goals());
  }

  /** The leaders finished cohort rounds introduced the caller to, newest round first. */
  @Transactional
  public List<IntroductionView> introductions(UUID personId) {
    List<IntroductionView> introductions = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "select cast(r.id as varchar(36)), r.name,"
                    + " cast(m.leader_id as varchar(36)), m.score, m.reasons from cohort_match m"
                    + " join cohort_round r on r.id = m.round_id"
                    + " where r.status = 'DONE' and m.employee_id = ?1 order by r.finished_at desc, m.score desc")
            .setParameter(1, personId)
            .getResultList()) {
      Object[] c = (Object[]) row;
      UUID leaderId = UUID.fromString((String) c[2]);
      introductions.add(
          new IntroductionView(
              UUID.fromString((String) c[0]),
              (String) c[1],
              directory.person(leaderId).map(PersonRef::of).orElse(null),
              ((Number) c[3]).intValue(),
              CohortRounds.reasons((String) c[4])));
    }
    return introductions;
  }

  /** The shared vocabulary and every topic a leader lists, with how many leaders list each. */
  @Transactional
  public List<TopicView> topics() {
    Map<String, Long> counts = new TreeMap<>();
    em.createQuery("select t.name from Topic t", String.class)
        .getResultList()
        .forEach(name -> counts.put(name, 0L));
    em.createQuery(
            "select t, count(lp) from LeaderProfile lp join lp.topics t, Person p"
                + " where p.id = lp.personId and p.active = true and p.leader = true group by t",
            Object[].class)
        .getResultList()
        .forEach(row -> counts.put((String) row[0], ((Number) row[1]).longValue()));
    List<TopicView> topics = new ArrayList<>();
    counts.forEach((name, leaders) -> topics.add(new TopicView(name, leaders)));
    return topics;
  }

  /**
   * The best leaders for the caller, best first. Ranked over the cached pool, then every candidate
   * is checked against the database as it is now (hard constraints and score), open slots in the
   * coming week add their reason, and the list is ranked again.
   */
  @Transactional
  public List<RecommendationView> recommendations(Caller caller, int limit) {
    Person me = directory.person(caller.id()).orElseThrow(() -> Refusal.notFound("You"));
    ProgramRules rules = program.rules();
    List<Match> top = checked(me, rules, limit);
    Instant from = clock.instant();
    Map<UUID, Integer> open =
        availability.openCounts(
            top.stream().map(m -> m.leader().id()).toList(),
            from,
            from.plus(SOON),
            Duration.ofMinutes(rules.defaultLength()));
    List<Match> result = new ArrayList<>();
    for (Match match : top) {
      int slots = open.getOrDefault(match.leader().id(), 0);
      result.add(
          slots == 0
              ? match
              : match.with(
                  new Reason(
                      "slots-soon",
                      (slots == 1 ? "1 free slot" : slots + " free slots") + " in the next 7 days",
                      Scorer.SLOTS_SOON)));
    }
    result.sort(Scorer.BEST_FIRST);
    return result.stream().map(RecommendationView::of).toList();
  }

  /** Other leaders an employee whose request expired could ask, named with their division. */
  @Override
  @Transactional
  public List<String> suggest(UUID employeeId, UUID except, int limit) {
    return directory.person(employeeId).stream()
        .flatMap(me -> checked(me, program.rules(), limit + 1).stream())
        .map(Match::leader)
        .filter(leader -> !leader.id().equals(except))
        .limit(limit)
        .map(leader -> leader.displayName() + " (" + leader.divisionName() + ")")
        .toList();
  }

  /** The best {@code limit} after ranking, each checked against the database as it is now. */
  private List<Match> checked(Person me, ProgramRules rules, int limit) {
    Seeker seeker = seekers.of(me, rules);
    Scorer cached = pools.scorer(rules.eligibility());
    List<Match> ranked = cached.recommend(seeker, limit + SPARE);
    Map<UUID, LeaderCard> now = pools.current(ranked.stream().map(Match::leader).toList());
    List<Match> checked = new ArrayList<>();
    for (Match match : ranked) {
      LeaderCard card = now.get(match.leader().id());
      if (card != null && cached.eligible(seeker, card)) {
        checked.add(cached.explain(seeker, card));
      }
    }
    checked.sort(Scorer.BEST_FIRST);
    return new ArrayList<>(checked.subList(0, Math.min(limit, checked.size())));
  }
}
