package io.crossroads.demo;

import io.crossroads.demo.DemoOrganisation.HistorySeed;
import io.crossroads.demo.DemoOrganisation.PersonSeed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The days each leader held a generated interview on, so that none is generated beyond the leader's
 * monthly cap. The cap counts the calendar months of the leader's time zone, and the plan does not
 * know the day it will be seeded on: it holds for any {@value #WINDOW_DAYS} consecutive days, since
 * interviews start between 8:00 and 16:00 UTC and a month in any one zone then takes them from at
 * most that many days.
 */
final class MonthlyCaps {

  static final int WINDOW_DAYS = 32;

  private final Map<UUID, List<Integer>> days = new HashMap<>();

  MonthlyCaps(List<HistorySeed> held) {
    held.forEach(h -> add(h.leaderId(), h.daysAgo()));
  }

  /** Whether the leader may hold one more interview {@code daysAgo} days before the seeding day. */
  boolean fits(PersonSeed leader, int daysAgo) {
    // Only the interviews near the day share a window with it.
    List<Integer> near =
        days.getOrDefault(leader.id(), List.of()).stream()
            .filter(day -> Math.abs(day - daysAgo) < WINDOW_DAYS)
            .toList();
    for (int first = daysAgo - WINDOW_DAYS + 1; first <= daysAgo; first++) {
      int from = first;
      if (near.stream().filter(day -> day >= from && day < from + WINDOW_DAYS).count()
          >= leader.monthlyCap()) {
        return false;
      }
    }
    return true;
  }

  void add(UUID leaderId, int daysAgo) {
    days.computeIfAbsent(leaderId, id -> new ArrayList<>()).add(daysAgo);
  }
}
