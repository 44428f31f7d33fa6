package io.crossroads.people;

import io.crossroads.program.Eligibility;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Everyone's manager, division and level as the directory holds them, read at once: for asking the
 * program's policy about many people together without a query per person.
 */
public final class ReportingLines {

  /** Where one person stands. */
  record Place(UUID manager, UUID division, int level) {}

  private final Map<UUID, Place> places;

  ReportingLines(Map<UUID, Place> places) {
    this.places = places;
  }

  /** The person's managers, nearest first (a loop in bad data ends the walk). */
  public Set<UUID> managementChain(UUID person) {
    Set<UUID> chain = new LinkedHashSet<>();
    Place place = places.get(person);
    UUID manager = place == null ? null : place.manager();
    while (manager != null && !manager.equals(person) && chain.add(manager)) {
      Place above = places.get(manager);
      manager = above == null ? null : above.manager();
    }
    return chain;
  }

  /**
   * Whether the person, or anyone managing them directly or further up, is among {@code people}.
   */
  public boolean atOrBelow(UUID person, Collection<UUID> people) {
    return people.contains(person) || managementChain(person).stream().anyMatch(people::contains);
  }

  /**
   * The employee as far as whether they may be put together with a leader at all ({@link
   * Eligibility#pair}): as {@link Directory#asking} reads them, with nobody met or waited on.
   */
  public Optional<Eligibility.EmployeeFacts> pairOnly(UUID employee) {
    Place place = places.get(employee);
    return place == null
        ? Optional.empty()
        : Optional.of(
            new Eligibility.EmployeeFacts(
                employee,
                place.division(),
                place.level(),
                managementChain(employee),
                Set.of(),
                Set.of()));
  }
}
