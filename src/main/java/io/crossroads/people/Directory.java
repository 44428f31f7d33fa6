package io.crossroads.people;

import io.crossroads.platform.api.Page;
import io.crossroads.platform.persistence.Entities;
import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
import io.crossroads.program.Eligibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The company directory: people, divisions and leader profiles, as stored. */
@ApplicationScoped
public class Directory {

  /** How many people one statement reads or locks at most. */
  private static final int AT_ONCE = 1000;

  @PersistenceContext EntityManager em;

  public Optional<Person> person(UUID id) {
    return Optional.ofNullable(em.find(Person.class, id));
  }

  /** Locks the person's row for the rest of the transaction. */
  public Optional<Person> personForUpdate(UUID id) {
    return Optional.ofNullable(
        em.find(Person.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
  }

  /** Everyone in HR who is still with the company. */
  public List<Person> activeHr() {
    return em.createQuery(
            "select p from Person p where p.hr = true and p.active = true order by p.id",
            Person.class)
        .getResultList();
  }

  public Optional<LeaderProfile> leaderProfile(UUID personId) {
    return Optional.ofNullable(em.find(LeaderProfile.class, personId));
  }

  /** Locks the profile row; whoever holds it decides alone about this leader's calendar. */
  public Optional<LeaderProfile> leaderProfileForUpdate(UUID personId) {
    return Optional.ofNullable(
        em.find(LeaderProfile.class, personId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
  }

  /**
   * Locks the profile rows of these leaders, in the order of their ids, for the rest of the
   * transaction: as {@link #leaderProfileForUpdate}, for many leaders at once.
   */
  public void lockLeaderProfiles(Collection<UUID> personIds) {
    List<UUID> ids = personIds.stream().distinct().sorted().toList();
    for (int from = 0; from < ids.size(); from += AT_ONCE) {
      em.createNativeQuery(
              "select cast(person_id as varchar(36)) from leader_profile"
                  + " where person_id in (?1) order by person_id for update")
          .setParameter(1, ids.subList(from, Math.min(ids.size(), from + AT_ONCE)))
          .getResultList();
    }
  }

  /** People by id; those already loaded in this transaction are not read again. */
  public Map<UUID, Person> people(List<UUID> ids) {
    return Entities.byIds(em, Person.class, ids, Person::id);
  }

  /** Leader profiles by person id; those already loaded in this transaction are not read again. */
  public Map<UUID, LeaderProfile> leaderProfiles(List<UUID> personIds) {
    return Entities.byIds(em, LeaderProfile.class, personIds, LeaderProfile::personId);
  }

  /**
   * An active person who takes informational interviews (a leader with a profile). Anyone else is
   * refused, naming {@code field}: unknown or gone as invalid, not a leader as such.
   */
  public Person leaderToAsk(UUID id, String field) {
    Person person =
        person(id)
            .filter(Person::isActive)
            .orElseThrow(() -> Refusal.invalid(field, "no such person"));
    if (!person.isLeader() || leaderProfile(id).isEmpty()) {
      throw new Refusal(
              ProblemType.NOT_A_LEADER,
              person.displayName() + " does not take informational interviews.")
          .at(field);
    }
    return person;
  }

  /** The employee as the program's policy reads them, with who they met and wait on. */
  public Eligibility.EmployeeFacts asking(
      Person employee, Set<UUID> recentlyMet, Set<UUID> waitingOn) {
    return new Eligibility.EmployeeFacts(
        employee.id(),
        employee.divisionId(),
        employee.level(),
        Set.copyOf(managementChain(employee.id())),
        recentlyMet,
        waitingOn);
  }

  /** The leader as the program's policy reads them, with the places they have left. */
  public Eligibility.LeaderFacts asked(Person leader, LeaderProfile profile, int placesLeft) {
    return new Eligibility.LeaderFacts(
        leader.id(),
        leader.displayName(),
        leader.divisionId(),
        leader.level(),
        profile.acceptingRequests(),
        placesLeft);
  }

  /**
   * Leaders as the program's policy reads them to pair them with someone ({@link #asked}, their
   * monthly cap as their places), many at once: read as values, in one query per thousand.
   */
  public Map<UUID, Eligibility.LeaderFacts> askedToPair(Collection<UUID> leaderIds) {
    List<UUID> ids = List.copyOf(leaderIds);
    Map<UUID, Eligibility.LeaderFacts> leaders = new HashMap<>();
    for (int from = 0; from < ids.size(); from += AT_ONCE) {
      em.createQuery(
              "select p.id, p.displayName, p.divisionId, p.level, lp.acceptingRequests,"
                  + " lp.monthlyCap from Person p, LeaderProfile lp"
                  + " where lp.personId = p.id and p.id in :ids",
              Object[].class)
          .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + AT_ONCE)))
          .getResultList()
          .forEach(
              row ->
                  leaders.put(
                      (UUID) row[0],
                      new Eligibility.LeaderFacts(
                          (UUID) row[0],
                          (String) row[1],
                          (UUID) row[2],
                          (Integer) row[3],
                          (Boolean) row[4],
                          (Integer) row[5])));
    }
    return leaders;
  }

  public Map<UUID, Division> divisions() {
    Map<UUID, Division> divisions = new LinkedHashMap<>();
    em.createQuery("select d from Division d order by d.name", Division.class)
        .getResultList()
        .forEach(d -> divisions.put(d.id(), d));
    return divisions;
  }

  public Map<UUID, Long> headcounts() {
    Map<UUID, Long> counts = new HashMap<>();
    em.createQuery(
            "select p.divisionId, count(p) from Person p where p.active = true group by p.divisionId",
            Object[].class)
        .getResultList()
        .forEach(row -> counts.put((UUID) row[0], (Long) row[1]));
    return counts;
  }

  /** The person's managers, nearest first, read in one query (a loop in bad data ends it). */
  public List<UUID> managementChain(UUID personId) {
    List<?> ids =
        em.createNativeQuery(
                "with recursive chain (id, manager_id, depth) as ("
                    + " select p.id, p.manager_id, 0 from person p where p.id = ?1"
                    + " union all"
                    + " select m.id, m.manager_id, c.depth + 1 from person m join chain c on m.id = c.manager_id"
                    + " where c.depth < 50)"
                    + " select cast(id as varchar(36)) from chain where depth > 0 order by depth")
            .setParameter(1, personId)
            .getResultList();
    List<UUID> chain = new java.util.ArrayList<>();
    for (Object id : ids) {
      UUID manager = UUID.fromString((String) id);
      if (chain.contains(manager)) {
        break;
      }
      chain.add(manager);
    }
    return chain;
  }

  /**
   * Everyone's manager, division and level, in one query: for whoever asks about many people's
   * places at once (a change of the directory re-checked for everyone it touched).
   */
  public ReportingLines reportingLines() {
    Map<UUID, ReportingLines.Place> places = new HashMap<>();
    em.createQuery("select p.id, p.managerId, p.divisionId, p.level from Person p", Object[].class)
        .getResultStream()
        .forEach(
            row ->
                places.put(
                    (UUID) row[0],
                    new ReportingLines.Place((UUID) row[1], (UUID) row[2], (Integer) row[3])));
    return new ReportingLines(places);
  }

  /**
   * People still with the company whose name or title contains the text, and their user name too
   * when {@code byUsername}.
   */
  public Page<Person> search(
      String text,
      boolean byUsername,
      UUID divisionId,
      boolean leadersOnly,
      int limit,
      int offset) {
    StringBuilder where = new StringBuilder(" from Person p where p.active = true");
    Map<String, Object> parameters = new HashMap<>();
    if (text != null && !text.isBlank()) {
      where.append(
          " and (lower(p.displayName) like :q escape '!' or lower(p.title) like :q escape '!'"
              + (byUsername ? " or p.username like :q escape '!'" : "")
              + ")");
      parameters.put("q", "%" + escapeLike(text.strip().toLowerCase()) + "%");
    }
    if (divisionId != null) {
      where.append(" and p.divisionId = :division");
      parameters.put("division", divisionId);
    }
    if (leadersOnly) {
      where.append(" and p.leader = true");
    }
    TypedQuery<Long> count = em.createQuery("select count(p)" + where, Long.class);
    TypedQuery<Person> page =
        em.createQuery("select p" + where + " order by p.displayName, p.id", Person.class)
            .setFirstResult(offset)
            .setMaxResults(limit);
    parameters.forEach(
        (name, value) -> {
          count.setParameter(name, value);
          page.setParameter(name, value);
        });
    return new Page<>(page.getResultList(), count.getSingleResult());
  }

  private static String escapeLike(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  public void add(Division division) {
    em.persist(division);
  }

  public void add(Person person) {
    em.persist(person);
  }

  public void add(LeaderProfile profile) {
    em.persist(profile);
  }
}
