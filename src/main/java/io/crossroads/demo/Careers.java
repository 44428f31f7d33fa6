package io.crossroads.demo;

import io.crossroads.demo.DemoOrganisation.Aspirations;
import io.crossroads.demo.DemoOrganisation.HistorySeed;
import io.crossroads.demo.DemoOrganisation.InterestSeed;
import io.crossroads.demo.DemoOrganisation.MoveSeed;
import io.crossroads.demo.DemoOrganisation.PersonSeed;
import io.crossroads.program.Eligibility;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Who joined when, who moved division and who left: hiring days over the last ten years (about one
 * in seven employees in the last two), and over the last two years internal moves (about one in ten
 * people a year) and leavers (about one in fifteen a year).
 *
 * <p>Only employees move or leave: leaders, HR people and the well-known users of the API contract
 * stay where they are, so every leader's division is the same on every day. Employees who held
 * interviews move more often, mostly after an interview and often into a division they met a leader
 * of; they leave less often than those who did not. Nobody the integration tests pick as a fresh
 * employee moves: an employee without interviews who moves is below level 4.
 *
 * <p>Everything generated afterwards asks here what was true on its day: the division someone was
 * in (their current one unless they moved later, then the one they left), their reporting line,
 * whether they had left.
 */
final class Careers {

  /** Moves and leavers lie within this many days before the seeding day. */
  static final int YEARS_OF_CHANGE_IN_DAYS = 730;

  // Chances over the two years: participants are those with a held interview.
  private static final double PARTICIPANT_LEAVES = 0.12;
  private static final double OTHER_LEAVES = 0.155;
  private static final double PARTICIPANT_MOVES = 0.30;
  private static final double OTHER_JUNIOR_MOVES = 0.42;
  private static final double INTO_AN_INTERVIEWED_DIVISION = 0.6;
  private static final double HIRED_RECENTLY = 0.15;

  private final Random random;
  private final List<PersonSeed> people;
  private final List<UUID> divisions;
  private final Map<UUID, PersonSeed> byId = new HashMap<>();
  private final Map<UUID, List<PersonSeed>> managersByDivision = new HashMap<>();
  private final Map<UUID, PersonSeed> heads = new HashMap<>();
  private final Map<UUID, Integer> hired = new HashMap<>();
  private final Map<UUID, Integer> left = new HashMap<>();
  private final Map<UUID, Move> moves = new LinkedHashMap<>();
  private final Map<UUID, Eligibility.Employee> currentFacts = new HashMap<>();

  /** A move as generation needs it: the reporting line left behind too. */
  private record Move(UUID from, UUID to, UUID fromManager, UUID toManager, int daysAgo) {}

  private Careers(Random random, List<PersonSeed> people, List<UUID> divisions) {
    this.random = random;
    this.people = people;
    this.divisions = divisions;
    for (PersonSeed p : people) {
      byId.put(p.id(), p);
      if (p.leader() && p.managerId() != null) {
        managersByDivision.computeIfAbsent(p.divisionId(), d -> new ArrayList<>()).add(p);
      } else if (p.leader()) {
        heads.put(p.divisionId(), p);
      }
    }
  }

  /**
   * Hiring days for everyone: leaders and the well-known users long enough ago for every interview
   * they held, employees over ten years with some in the last two.
   */
  static Careers hire(Random random, List<PersonSeed> people, List<UUID> divisions) {
    Careers careers = new Careers(random, people, divisions);
    for (PersonSeed p : people) {
      int daysAgo;
      if (p.leader() || Aspirations.WELL_KNOWN.contains(p.username())) {
        daysAgo = 800 + random.nextInt(2850);
      } else if (random.nextDouble() < HIRED_RECENTLY) {
        daysAgo = 20 + random.nextInt(YEARS_OF_CHANGE_IN_DAYS - 20);
      } else {
        daysAgo = YEARS_OF_CHANGE_IN_DAYS + random.nextInt(2920);
      }
      careers.hired.put(p.id(), daysAgo);
    }
    return careers;
  }

  int hiredDaysAgo(UUID personId) {
    return hired.get(personId);
  }

  /** Days before the seeding day the person left, or null while they are still here. */
  Integer leftDaysAgo(UUID personId) {
    return left.get(personId);
  }

  /** The end of what a person can take part in: the day they left, or the seeding day. */
  Duration horizon(UUID personId) {
    Integer daysAgo = left.get(personId);
    return daysAgo == null ? Duration.ZERO : Duration.ofDays(-daysAgo);
  }

  /** Whether something at {@code at} happened while the person was still here. */
  boolean stillHere(UUID personId, Duration at) {
    return at.compareTo(horizon(personId)) < 0;
  }

  /**
   * Chooses leavers and moves, given the interviews held, and returns the interviews still valid:
   * none on or after a leaver's last day, none with a leader in the division the employee was in on
   * that day.
   */
  List<HistorySeed> settle(List<HistorySeed> history) {
    Map<UUID, List<HistorySeed>> held = new LinkedHashMap<>();
    for (HistorySeed h : history) {
      held.computeIfAbsent(h.employeeId(), e -> new ArrayList<>()).add(h);
    }
    for (PersonSeed p : people) {
      if (p.leader() || p.hr() || Aspirations.WELL_KNOWN.contains(p.username())) {
        continue;
      }
      List<HistorySeed> interviews = held.getOrDefault(p.id(), List.of());
      boolean participant = !interviews.isEmpty();
      int latest = Math.min(YEARS_OF_CHANGE_IN_DAYS, hired.get(p.id()) - 1);
      double r = random.nextDouble();
      double leaves = participant ? PARTICIPANT_LEAVES : OTHER_LEAVES;
      if (r < leaves) {
        if (latest >= 1) {
          left.put(p.id(), 1 + random.nextInt(latest));
        }
        continue;
      }
      double moves = participant ? PARTICIPANT_MOVES : p.level() <= 3 ? OTHER_JUNIOR_MOVES : 0;
      if (r >= leaves + moves) {
        continue;
      }
      if (participant) {
        moveAfterInterviews(p, interviews);
      } else if (latest >= 1) {
        move(p, otherDivision(p.divisionId()), 1 + random.nextInt(latest));
      }
    }
    List<HistorySeed> valid = new ArrayList<>();
    for (HistorySeed h : history) {
      if (validAtTheTime(h.employeeId(), h.leaderId(), h.daysAgo())) {
        valid.add(h);
      }
    }
    return valid;
  }

  /**
   * A participant moves some weeks after an interview: often into the division of the leader they
   * met, otherwise anywhere else, always after their first interview.
   */
  private void moveAfterInterviews(PersonSeed p, List<HistorySeed> interviews) {
    int first = interviews.stream().mapToInt(HistorySeed::daysAgo).max().getAsInt();
    if (random.nextDouble() < INTO_AN_INTERVIEWED_DIVISION) {
      HistorySeed met = interviews.get(random.nextInt(interviews.size()));
      int daysAgo = met.daysAgo() - 14 - random.nextInt(150);
      if (daysAgo < 1) {
        daysAgo = 1 + random.nextInt(met.daysAgo() - 1);
      }
      move(p, byId.get(met.leaderId()).divisionId(), daysAgo);
    } else {
      int daysAgo = first - 14 - random.nextInt(200);
      if (daysAgo < 1) {
        daysAgo = 1 + random.nextInt(first - 1);
      }
      move(p, otherDivision(p.divisionId()), daysAgo);
    }
  }

  private void move(PersonSeed p, UUID to, int daysAgo) {
    List<PersonSeed> managers = managersByDivision.getOrDefault(to, List.of(heads.get(to)));
    UUID manager = managers.get(random.nextInt(managers.size())).id();
    moves.put(p.id(), new Move(p.divisionId(), to, p.managerId(), manager, daysAgo));
  }

  private UUID otherDivision(UUID own) {
    while (true) {
      UUID d = divisions.get(random.nextInt(divisions.size()));
      if (!d.equals(own)) {
        return d;
      }
    }
  }

  /** Whether the employee could have met the leader on that day: still here, policy allows. */
  boolean validAtTheTime(UUID employeeId, UUID leaderId, int daysAgo) {
    Integer gone = left.get(employeeId);
    if (gone != null && daysAgo <= gone) {
      return false;
    }
    int requested = daysAgo + (int) HistorySeed.REQUESTED_BEFORE.toDays();
    if (requested >= hired.get(employeeId) || requested >= hired.get(leaderId)) {
      return false;
    }
    return Eligibility.DEFAULT
        .pair(factsOn(employeeId, daysAgo), Aspirations.facts(byId.get(leaderId)))
        .eligible();
  }

  /** The employee as the policy saw them {@code daysAgo} days before the seeding day. */
  Eligibility.Employee factsOn(UUID employeeId, int daysAgo) {
    Move move = moves.get(employeeId);
    if (move == null || daysAgo <= move.daysAgo()) {
      return currentFacts.computeIfAbsent(
          employeeId,
          id -> {
            PersonSeed p = byId.get(id);
            UUID manager = move == null ? p.managerId() : move.toManager();
            UUID division = move == null ? p.divisionId() : move.to();
            return facts(p, division, manager);
          });
    }
    PersonSeed p = byId.get(employeeId);
    return facts(p, move.from(), move.fromManager());
  }

  private Eligibility.Employee facts(PersonSeed p, UUID division, UUID manager) {
    Set<UUID> chain = new HashSet<>();
    for (UUID m = manager; m != null && chain.add(m); m = byId.get(m).managerId()) {
      // up to the top; managers are leaders, who never move
    }
    return new Eligibility.EmployeeFacts(p.id(), division, p.level(), chain, Set.of(), Set.of());
  }

  /** The division the person was in on that day. */
  UUID divisionOn(UUID personId, int daysAgo) {
    Move move = moves.get(personId);
    if (move == null) {
      return byId.get(personId).divisionId();
    }
    return daysAgo <= move.daysAgo() ? move.to() : move.from();
  }

  /**
   * Everyone as they are on the seeding day, with their days; those who moved last, since their new
   * manager may be listed after them otherwise.
   */
  List<PersonSeed> people() {
    List<PersonSeed> stayed = new ArrayList<>();
    List<PersonSeed> moved = new ArrayList<>();
    for (PersonSeed p : people) {
      PersonSeed now = p.employed(hired.get(p.id()), left.get(p.id()));
      Move move = moves.get(p.id());
      if (move == null) {
        stayed.add(now);
      } else {
        moved.add(now.movedTo(move.to(), move.toManager()));
      }
    }
    stayed.addAll(moved);
    return List.copyOf(stayed);
  }

  /** Interests of those still here, without the division they are in now. */
  List<InterestSeed> interests(List<InterestSeed> interests) {
    List<InterestSeed> kept = new ArrayList<>();
    for (InterestSeed i : interests) {
      if (left.containsKey(i.personId())) {
        continue;
      }
      Move move = moves.get(i.personId());
      kept.add(
          move == null
              ? i
              : new InterestSeed(
                  i.personId(),
                  i.targetDivisionIds().stream().filter(d -> !d.equals(move.to())).toList(),
                  i.topics(),
                  i.goals()));
    }
    return List.copyOf(kept);
  }

  List<MoveSeed> moves() {
    List<MoveSeed> seeds = new ArrayList<>();
    moves.forEach(
        (person, m) ->
            seeds.add(
                new MoveSeed(
                    DemoOrganisation.id("move:" + person), person, m.from(), m.to(), m.daysAgo())));
    return List.copyOf(seeds);
  }
}
