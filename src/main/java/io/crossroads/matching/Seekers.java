package io.crossroads.matching;

import io.crossroads.interviews.Interviews;
import io.crossroads.network.Referrals;
import io.crossroads.people.Directory;
import io.crossroads.people.Person;
import io.crossroads.program.ProgramRules;
import io.crossroads.requests.Requests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Reads employees as matching sees them: chain, interests, referrals, whom they met or wait on. */
@ApplicationScoped
class Seekers {

  private static final int CHUNK = 1000;

  /** Beyond this many people, the whole reporting tree is read once instead of chain by chain. */
  private static final int WHOLE_TREE = 50;

  @PersistenceContext EntityManager em;
  @Inject Directory directory;
  @Inject Interviews interviews;
  @Inject Requests requests;
  @Inject Referrals network;
  @Inject Clock clock;

  public Seeker of(Person person, ProgramRules rules) {
    return of(List.of(person), rules, false).get(0);
  }

  /**
   * Seekers in the order of {@code people}. Introductions made by finished cohort rounds count as
   * referrals, except for a new cohort round ({@code forCohort}): there they are not made again.
   */
  public List<Seeker> of(List<Person> people, ProgramRules rules, boolean forCohort) {
    Instant heldSince = rules.repeatWindowStart(clock.instant());
    Map<UUID, Set<UUID>> chains = chains(people);
    Map<UUID, Interest> interests = new HashMap<>();
    Map<UUID, Set<UUID>> met = new HashMap<>();
    Map<UUID, Set<UUID>> waiting = new HashMap<>();
    Map<UUID, Map<UUID, String>> referrals = new HashMap<>();
    List<UUID> ids = people.stream().map(Person::id).toList();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      em.createQuery("select i from Interest i where i.personId in :ids", Interest.class)
          .setParameter("ids", chunk)
          .getResultList()
          .forEach(i -> interests.put(i.personId(), i));
      interviews
          .metSince(chunk, heldSince)
          .forEach((e, leaders) -> met.put(e, new HashSet<>(leaders)));
      requests.openLeadersOf(chunk).forEach((e, leaders) -> waiting.put(e, new HashSet<>(leaders)));
      requests
          .referralsOf(chunk)
          .forEach((e, byLeader) -> referrals.put(e, new HashMap<>(byLeader)));
      // The two more names leaders gave after an interview; a cohort round, which HR reads,
      // does not learn of them.
      (forCohort ? Map.<UUID, Map<UUID, String>>of() : network.referredLeadersOf(chunk))
          .forEach(
              (e, byLeader) ->
                  byLeader.forEach(
                      (leader, referrer) ->
                          referrals
                              .computeIfAbsent(e, k -> new HashMap<>())
                              .putIfAbsent(leader, referrer)));
      // Introductions of finished cohort rounds.
      em.createNativeQuery(
              "select cast(m.employee_id as varchar(36)), cast(m.leader_id as varchar(36)), r.name"
                  + " from cohort_match m join cohort_round r on r.id = m.round_id"
                  + " where r.status = 'DONE' and m.employee_id in (?1)")
          .setParameter(1, chunk)
          .getResultList()
          .forEach(
              row -> {
                Object[] columns = (Object[]) row;
                UUID employee = UUID.fromString((String) columns[0]);
                UUID leader = UUID.fromString((String) columns[1]);
                if (forCohort) {
                  waiting.computeIfAbsent(employee, k -> new HashSet<>()).add(leader);
                } else {
                  referrals
                      .computeIfAbsent(employee, k -> new HashMap<>())
                      .putIfAbsent(leader, "the cohort round “" + columns[2] + "”");
                }
              });
    }
    List<Seeker> seekers = new ArrayList<>(people.size());
    for (Person p : people) {
      Interest interest = interests.get(p.id());
      seekers.add(
          new Seeker(
              p.id(),
              p.divisionId(),
              p.level(),
              p.timeZone(),
              chains.getOrDefault(p.id(), Set.of()),
              interest == null ? Set.of() : interest.targetDivisions(),
              interest == null ? Set.of() : interest.topics(),
              referrals.getOrDefault(p.id(), Map.of()),
              met.getOrDefault(p.id(), Set.of()),
              waiting.getOrDefault(p.id(), Set.of())));
    }
    return seekers;
  }

  private Map<UUID, Set<UUID>> chains(List<Person> people) {
    Map<UUID, Set<UUID>> chains = new HashMap<>();
    if (people.size() <= WHOLE_TREE) {
      people.forEach(
          p -> chains.put(p.id(), new LinkedHashSet<>(directory.managementChain(p.id()))));
      return chains;
    }
    Map<UUID, UUID> managers = new HashMap<>();
    em.createQuery(
            "select p.id, p.managerId from Person p where p.managerId is not null", Object[].class)
        .getResultList()
        .forEach(row -> managers.put((UUID) row[0], (UUID) row[1]));
    for (Person p : people) {
      Set<UUID> chain = new LinkedHashSet<>();
      for (UUID m = managers.get(p.id()); m != null && chain.add(m); m = managers.get(m)) {
        // up to the top; a cycle in bad data ends the walk
      }
      chains.put(p.id(), chain);
    }
    return chains;
  }
}
