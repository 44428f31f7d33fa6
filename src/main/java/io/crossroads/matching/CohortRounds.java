package io.crossroads.matching;

import io.crossroads.matching.MatchingViews.CohortMatchView;
import io.crossroads.matching.MatchingViews.CohortOutcome;
import io.crossroads.matching.MatchingViews.CohortView;
import io.crossroads.matching.MatchingViews.LeaderLoad;
import io.crossroads.matching.MatchingViews.NewCohort;
import io.crossroads.people.Directory;
import io.crossroads.people.ManagementChain;
import io.crossroads.people.PeopleViews.PersonRef;
import io.crossroads.people.Person;
import io.crossroads.platform.api.Page;
import io.crossroads.platform.jobs.JobKind;
import io.crossroads.platform.jobs.JobRuns;
import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
import io.crossroads.platform.security.Caller;
import io.crossroads.program.ProgramRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/** Cohort rounds as stored: creating them, reporting on them, what they work on, their results. */
@ApplicationScoped
public class CohortRounds {

  /** Cohort rounds are long jobs: rows of cohort_round, worked on by the cohort-round batch job. */
  @Produces static final JobKind JOBS = new JobKind("cohort_round", "cohort-round");

  static final int MAX_EMPLOYEES = 200_000;

  /**
   * The smallest round: HR sees who was introduced to whom, so a round of one or two would make a
   * lookup of an employee's interests out of the introductions a round gives.
   */
  static final int MIN_EMPLOYEES = 5;

  private static final int BATCH = 1000;

  @PersistenceContext EntityManager em;
  @Inject Directory directory;
  @Inject Seekers seekers;
  @Inject LeaderPools pools;
  @Inject Clock clock;

  /** Stores a new round with its employees: those named, or everyone in the divisions named. */
  @Transactional
  public CohortView create(Caller caller, NewCohort body) {
    boolean byPeople = body.employeeIds() != null && !body.employeeIds().isEmpty();
    boolean byDivisions = body.divisionIds() != null && !body.divisionIds().isEmpty();
    if (byPeople == byDivisions) {
      throw Refusal.invalid("employeeIds", "name employees or divisions, not both and not neither");
    }
    List<UUID> members;
    if (byPeople) {
      Set<UUID> wanted = new HashSet<>(body.employeeIds());
      if (wanted.size() > MAX_EMPLOYEES) {
        throw Refusal.invalid("employeeIds", "at most " + MAX_EMPLOYEES + " employees per round");
      }
      members = activePeople(wanted);
      Set<UUID> missing = new HashSet<>(wanted);
      members.forEach(missing::remove);
      if (!missing.isEmpty()) {
        throw Refusal.invalid(
            "employeeIds", "no such active person: " + missing.stream().limit(5).toList());
      }
    } else {
      Map<UUID, ?> known = directory.divisions();
      List<UUID> unknown = body.divisionIds().stream().filter(d -> !known.containsKey(d)).toList();
      if (!unknown.isEmpty()) {
        throw Refusal.invalid("divisionIds", "no such division: " + unknown);
      }
      members =
          em.createQuery(
                  "select p.id from Person p where p.active = true and p.leader = false"
                      + " and p.divisionId in :divisions order by p.id",
                  UUID.class)
              .setParameter("divisions", body.divisionIds())
              .getResultList();
    }
    if (members.isEmpty()) {
      throw new Refusal(
          ProblemType.NOBODY_TO_MATCH, "Nobody to match: the divisions have no employees.");
    }
    if (members.size() < MIN_EMPLOYEES) {
      throw new Refusal(
          ProblemType.COHORT_TOO_SMALL,
          "A round needs at least "
              + MIN_EMPLOYEES
              + " employees; this one would have "
              + members.size()
              + ".");
    }
    CohortRound round =
        new CohortRound(
            UUID.randomUUID(),
            body.name(),
            body.introsPerEmployee(),
            members.size(),
            caller.id(),
            clock.instant());
    em.persist(round);
    em.flush();
    UUID roundId = round.id();
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement insert =
                  connection.prepareStatement(
                      "insert into cohort_member (round_id, employee_id) values (?, ?)")) {
                int n = 0;
                for (UUID member : members) {
                  insert.setObject(1, roundId);
                  insert.setObject(2, member);
                  insert.addBatch();
                  if (++n % BATCH == 0) {
                    insert.executeBatch();
                  }
                }
                insert.executeBatch();
              }
            });
    return round.view(members.size());
  }

  private List<UUID> activePeople(Set<UUID> ids) {
    List<UUID> found = new ArrayList<>();
    List<UUID> all = List.copyOf(ids);
    for (int from = 0; from < all.size(); from += BATCH) {
      found.addAll(
          em.createQuery(
                  "select p.id from Person p where p.active = true and p.id in :ids", UUID.class)
              .setParameter("ids", all.subList(from, Math.min(all.size(), from + BATCH)))
              .getResultList());
    }
    return found;
  }

  @Transactional
  public CohortView view(UUID reader, UUID id) {
    return view(reader, round(id));
  }

  /**
   * A round as {@code reader} may see it. When it has members the reader manages, directly or not,
   * its figures are those of the other members alone (the greedy baseline, which cannot be split,
   * is left out), so that nothing of theirs can be worked out from what the reader is shown.
   */
  private CohortView view(UUID reader, CohortRound round) {
    if (!hasMemberBelow(reader, round.id())) {
      return round.view(members(round.id()));
    }
    // The four figures in one statement, the reader's reports read once.
    Object[] shown =
        (Object[])
            em.createNativeQuery(
                    "with recursive "
                        + ManagementChain.below(reader)
                        + " select "
                        + shown("count(*)", "cohort_member")
                        + ", "
                        + shown("count(*)", "cohort_match")
                        + ", "
                        + shown("count(distinct m.employee_id)", "cohort_match")
                        + ", "
                        + shown("coalesce(sum(m.score), 0)", "cohort_match"))
                .setParameter(1, round.id())
                .getSingleResult();
    int members = ((Number) shown[0]).intValue();
    int introduced = ((Number) shown[2]).intValue();
    return round.view(
        members,
        ((Number) shown[1]).intValue(),
        members - introduced,
        ((Number) shown[3]).longValue());
  }

  /**
   * A scalar subquery over a round's members or matches ({@code table}, as {@code m}) selecting
   * {@code figure}, without anyone in {@code below}; the round's id is {@code ?1}.
   */
  private static String shown(String figure, String table) {
    return "(select " + figure + " from " + table + NOT_BELOW + ")";
  }

  /** A round's rows ({@code m}) of anyone not in {@code below}; the round's id is {@code ?1}. */
  private static final String NOT_BELOW =
      " m where m.round_id = ?1 and not exists (select 1 from below b where b.id = m.employee_id)";

  /**
   * A statement over a round's members or matches ({@code %2$s}, as {@code m}) selecting {@code
   * %1$s}, without anyone {@code reader} manages, directly or not; the round's id is {@code ?1}.
   */
  private static String visible(UUID reader) {
    return "with recursive " + ManagementChain.below(reader) + " select %1$s from %2$s" + NOT_BELOW;
  }

  private boolean hasMemberBelow(UUID reader, UUID round) {
    return count(
            "with recursive "
                + ManagementChain.below(reader)
                + " select count(*) from cohort_member m join below b on b.id = m.employee_id"
                + " where m.round_id = ?1",
            round)
        > 0;
  }

  private int count(String sql, UUID round) {
    return ((Number) em.createNativeQuery(sql).setParameter(1, round).getSingleResult()).intValue();
  }

  @Transactional
  public Page<CohortView> list(UUID reader, int limit, int offset) {
    List<CohortRound> rounds =
        em.createQuery(
                "select r from CohortRound r order by r.createdAt desc, r.id", CohortRound.class)
            .setFirstResult(offset)
            .setMaxResults(limit)
            .getResultList();
    long total = em.createQuery("select count(r) from CohortRound r", Long.class).getSingleResult();
    return new Page<>(rounds.stream().map(r -> view(reader, r)).toList(), total);
  }

  /**
   * Who a finished round introduced to whom, by employee, as {@code reader} may see it: nothing of
   * anyone whose management chain they are in. Scores and reasons stay with the employee: they tell
   * the employee's interests, goals and earlier requests.
   */
  @Transactional
  public Page<CohortMatchView> matches(UUID reader, UUID id, int limit, int offset) {
    done(id);
    String shown =
        "with recursive "
            + ManagementChain.below(reader)
            + " select %s from cohort_match m where m.round_id = ?1"
            + " and not exists (select 1 from below b where b.id = m.employee_id)";
    List<Object[]> rows =
        em.createNativeQuery(
                shown.formatted(
                        "cast(m.employee_id as varchar(36)), cast(m.leader_id as varchar(36))")
                    + " order by m.employee_id, m.leader_id")
            .setParameter(1, id)
            .setFirstResult(offset)
            .setMaxResults(limit)
            .getResultList();
    long total =
        ((Number)
                em.createNativeQuery(shown.formatted("count(*)"))
                    .setParameter(1, id)
                    .getSingleResult())
            .longValue();
    List<UUID> people = new ArrayList<>();
    for (Object[] row : rows) {
      people.add(UUID.fromString((String) row[0]));
      people.add(UUID.fromString((String) row[1]));
    }
    Map<UUID, Person> known = directory.people(people);
    List<CohortMatchView> items = new ArrayList<>();
    for (Object[] row : rows) {
      UUID employee = UUID.fromString((String) row[0]);
      UUID leader = UUID.fromString((String) row[1]);
      items.add(
          new CohortMatchView(employee, ref(known.get(employee)), leader, ref(known.get(leader))));
    }
    return new Page<>(items, total);
  }

  /**
   * A finished round's outcome as {@code reader} reads it: how many employees it reached, how its
   * scores are spread and how many introductions each leader took, over the members the reader does
   * not manage, directly or not; nothing of any one employee's reasons.
   */
  @Transactional
  public CohortOutcome outcome(UUID reader, UUID id) {
    done(id);
    String visible = visible(reader);
    List<Integer> scores =
        em
            .createNativeQuery(visible.formatted("m.score", "cohort_match") + " order by m.score")
            .setParameter(1, id)
            .getResultList()
            .stream()
            .map(value -> ((Number) value).intValue())
            .toList();
    int introduced = count(visible.formatted("count(distinct m.employee_id)", "cohort_match"), id);
    List<Object[]> loads =
        em.createNativeQuery(
                visible.formatted("cast(m.leader_id as varchar(36)), count(*)", "cohort_match")
                    + " group by m.leader_id order by count(*) desc, m.leader_id")
            .setParameter(1, id)
            .getResultList();
    Map<UUID, Person> leaders =
        directory.people(loads.stream().map(row -> UUID.fromString((String) row[0])).toList());
    List<LeaderLoad> perLeader =
        loads.stream()
            .map(
                row -> {
                  UUID leader = UUID.fromString((String) row[0]);
                  return new LeaderLoad(
                      leader, ref(leaders.get(leader)), ((Number) row[1]).intValue());
                })
            .toList();
    return CohortOutcome.of(
        id,
        count(visible.formatted("count(*)", "cohort_member"), id),
        introduced,
        scores,
        perLeader);
  }

  private CohortRound done(UUID id) {
    CohortRound round = round(id);
    if (round.status() != CohortStatus.DONE) {
      throw new Refusal(
          ProblemType.COHORT_NOT_DONE,
          "The round is " + round.status() + "; its results are ready when it is DONE.");
    }
    return round;
  }

  /** A match's reasons as stored: their texts, a line each. */
  static String stored(List<Reason> reasons) {
    return JobRuns.truncate(String.join("\n", reasons.stream().map(Reason::text).toList()), 4000);
  }

  static List<String> reasons(String stored) {
    return List.of(stored.split("\n"));
  }

  private static PersonRef ref(Person person) {
    return person == null ? null : PersonRef.of(person);
  }

  private CohortRound round(UUID id) {
    CohortRound round = em.find(CohortRound.class, id);
    if (round == null) {
      throw Refusal.notFound("The cohort round");
    }
    return round;
  }

  private int members(UUID id) {
    return ((Number)
            em.createNativeQuery("select count(*) from cohort_member where round_id = ?1")
                .setParameter(1, id)
                .getSingleResult())
        .intValue();
  }

  // What the job does, each step in a transaction of its own; ownership is JobRuns'.

  /** What a round works on: its employees as seekers, every leader as they are now. */
  public record Problem(List<Seeker> seekers, LeaderPool pool, int introsPerEmployee) {}

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Problem problem(UUID id, ProgramRules rules) {
    CohortRound round = round(id);
    List<UUID> ids =
        em
            .createNativeQuery(
                "select cast(employee_id as varchar(36)) from cohort_member where round_id = ?1 order by employee_id")
            .setParameter(1, id)
            .getResultList()
            .stream()
            .map(value -> UUID.fromString((String) value))
            .toList();
    List<Person> people = new ArrayList<>(ids.size());
    for (int from = 0; from < ids.size(); from += BATCH) {
      Map<UUID, Person> chunk =
          directory.people(ids.subList(from, Math.min(ids.size(), from + BATCH)));
      ids.subList(from, Math.min(ids.size(), from + BATCH)).stream()
          .map(chunk::get)
          .filter(p -> p != null && p.isActive())
          .forEach(people::add);
      em.clear();
    }
    return new Problem(seekers.of(people, rules, true), pools.load(), round.introsPerEmployee());
  }

  /** One chosen introduction, explained. */
  public record Chosen(UUID employeeId, UUID leaderId, int score, List<Reason> reasons) {}

  /**
   * Stores the result and marks the round done, if the attempt still owns it: the matches of any
   * earlier attempt are replaced, so a restarted round never mixes two results.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean finish(
      UUID id, int attempt, List<Chosen> chosen, int unmatched, long totalScore, long greedyScore) {
    CohortRound round =
        em.find(CohortRound.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (round == null || round.attempt() != attempt || round.status() != CohortStatus.RUNNING) {
      return false;
    }
    em.createNativeQuery("delete from cohort_match where round_id = ?1")
        .setParameter(1, id)
        .executeUpdate();
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement insert =
                  connection.prepareStatement(
                      "insert into cohort_match (round_id, employee_id, leader_id, score, reasons) values (?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Chosen c : chosen) {
                  insert.setObject(1, id);
                  insert.setObject(2, c.employeeId());
                  insert.setObject(3, c.leaderId());
                  insert.setInt(4, c.score());
                  insert.setString(5, stored(c.reasons()));
                  insert.addBatch();
                  if (++n % BATCH == 0) {
                    insert.executeBatch();
                  }
                }
                insert.executeBatch();
              }
            });
    em.createQuery(
            "update CohortRound r set r.status = :done, r.matched = :matched, r.unmatched = :unmatched,"
                + " r.totalScore = :total, r.greedyScore = :greedy, r.finishedAt = :now, r.heartbeatAt = :now,"
                + " r.progressDone = r.progressTotal, r.version = r.version + 1 where r.id = :id")
        .setParameter("done", CohortStatus.DONE)
        .setParameter("matched", chosen.size())
        .setParameter("unmatched", unmatched)
        .setParameter("total", totalScore)
        .setParameter("greedy", greedyScore)
        .setParameter("now", clock.instant())
        .setParameter("id", id)
        .executeUpdate();
    return true;
  }
}
