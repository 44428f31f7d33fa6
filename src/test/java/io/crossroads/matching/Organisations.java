package io.crossroads.matching;

import io.crossroads.demo.DemoOrganisation;
import io.crossroads.demo.DemoOrganisation.DivisionSeed;
import io.crossroads.demo.DemoOrganisation.HistorySeed;
import io.crossroads.demo.DemoOrganisation.InterestSeed;
import io.crossroads.demo.DemoOrganisation.PersonSeed;
import io.crossroads.demo.DemoOrganisation.Plan;
import io.crossroads.demo.DemoOrganisation.Shape;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * A generated organisation as matching sees it: every leader as a card (with some of this month's
 * places already taken and some requests waiting), every employee as a seeker (with their chain,
 * interests, the leaders met within the repeat window and a few referrals).
 */
public record Organisations(LeaderPool pool, List<Seeker> seekers) {

  static final LocalDate DAY = LocalDate.of(2026, 3, 18);

  public static Organisations of(Shape shape) {
    return of(DemoOrganisation.generate(shape), shape.seed());
  }

  public static Organisations of(Plan plan, long seed) {
    Random random = new Random(seed);
    Map<UUID, String> divisionNames = new HashMap<>();
    for (DivisionSeed d : plan.divisions()) {
      divisionNames.put(d.id(), d.name());
    }
    Map<UUID, PersonSeed> people = new HashMap<>();
    List<LeaderCard> cards = new ArrayList<>();
    for (PersonSeed p : plan.people()) {
      people.put(p.id(), p);
      if (p.leader()) {
        int booked = random.nextInt(p.monthlyCap() + 1) / 2;
        cards.add(
            new LeaderCard(
                p.id(),
                p.displayName(),
                p.divisionId(),
                divisionNames.get(p.divisionId()),
                p.level(),
                p.timeZone(),
                new HashSet<>(p.topics()),
                p.acceptingRequests(),
                p.monthlyCap(),
                booked,
                random.nextInt(3)));
      }
    }
    Map<UUID, Set<UUID>> met = new HashMap<>();
    for (HistorySeed h : plan.history()) {
      // The repeat window is six months: only interviews inside it keep a pair apart.
      if (h.daysAgo() < 182) {
        met.computeIfAbsent(h.employeeId(), e -> new HashSet<>()).add(h.leaderId());
      }
    }
    List<Seeker> seekers = new ArrayList<>();
    for (InterestSeed interest : plan.interests()) {
      PersonSeed p = people.get(interest.personId());
      Set<UUID> chain = new LinkedHashSet<>();
      for (UUID m = p.managerId(); m != null && chain.add(m); m = people.get(m).managerId()) {
        // walk up to the top
      }
      Map<UUID, String> referrals = new HashMap<>();
      if (random.nextInt(10) == 0) {
        LeaderCard referred = cards.get(random.nextInt(cards.size()));
        referrals.put(referred.id(), "Mia Chen");
      }
      seekers.add(
          new Seeker(
              p.id(),
              p.divisionId(),
              p.level(),
              p.timeZone(),
              chain,
              new HashSet<>(interest.targetDivisionIds()),
              new HashSet<>(interest.topics()),
              referrals,
              met.getOrDefault(p.id(), Set.of()),
              Set.of()));
    }
    return new Organisations(new LeaderPool(cards, DAY), List.copyOf(seekers));
  }

  /** The same organisation at the start of a month: no place taken, no request waiting. */
  public Organisations fresh() {
    List<LeaderCard> cards =
        pool.leaders().stream()
            .map(
                l ->
                    new LeaderCard(
                        l.id(),
                        l.displayName(),
                        l.divisionId(),
                        l.divisionName(),
                        l.level(),
                        l.zone(),
                        l.topics(),
                        l.accepting(),
                        l.monthlyCap(),
                        0,
                        0))
            .toList();
    return new Organisations(new LeaderPool(cards, DAY), seekers);
  }

  /** Each leader's room for a cohort round: places left less requests already waiting. */
  public int[] capacities() {
    int[] capacity = new int[pool.size()];
    for (int l = 0; l < capacity.length; l++) {
      capacity[l] = pool.get(l).roomForIntroductions();
    }
    return capacity;
  }
}
