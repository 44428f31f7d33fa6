package io.crossroads.availability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Counts interviews against each leader's monthly cap with conditional updates: the count can never
 * pass the cap, whatever runs at the same time on however many instances.
 */
@ApplicationScoped
public class MonthlyLoads {

  @PersistenceContext EntityManager em;

  /** Takes one place in the month; false when the month is already at {@code cap}. */
  public boolean take(UUID leaderId, YearMonth month, int cap) {
    int updated =
        em.createNativeQuery(
                "update leader_month_load set booked = booked + 1"
                    + " where leader_id = ?1 and period = ?2 and booked < ?3")
            .setParameter(1, leaderId)
            .setParameter(2, month.toString())
            .setParameter(3, cap)
            .executeUpdate();
    if (updated == 1) {
      return true;
    }
    if (booked(leaderId, List.of(month)).containsKey(month) || cap < 1) {
      return false;
    }
    // First interview of the month: a concurrent first insert fails on the primary key.
    em.createNativeQuery(
            "insert into leader_month_load (leader_id, period, booked) values (?1, ?2, 1)")
        .setParameter(1, leaderId)
        .setParameter(2, month.toString())
        .executeUpdate();
    return true;
  }

  /** Gives a place back, when an interview is cancelled. */
  public void release(UUID leaderId, YearMonth month) {
    em.createNativeQuery(
            "update leader_month_load set booked = booked - 1"
                + " where leader_id = ?1 and period = ?2 and booked > 0")
        .setParameter(1, leaderId)
        .setParameter(2, month.toString())
        .executeUpdate();
  }

  public Map<YearMonth, Integer> booked(UUID leaderId, List<YearMonth> months) {
    Map<YearMonth, Integer> booked = new HashMap<>();
    if (months.isEmpty()) {
      return booked;
    }
    // One month (a booking's proposed times, as a rule) by a single value rather than a list.
    boolean one = months.size() == 1;
    List<?> rows =
        em.createNativeQuery(
                "select period, booked from leader_month_load where leader_id = ?1 and period"
                    + (one ? " = ?2" : " in (?2)"))
            .setParameter(1, leaderId)
            .setParameter(
                2,
                one ? months.get(0).toString() : months.stream().map(YearMonth::toString).toList())
            .getResultList();
    for (Object row : rows) {
      Object[] columns = (Object[]) row;
      booked.put(YearMonth.parse((String) columns[0]), ((Number) columns[1]).intValue());
    }
    return booked;
  }

  /** Interviews booked per leader and month, for several leaders at once. */
  public Map<UUID, Map<YearMonth, Integer>> booked(
      java.util.Collection<UUID> leaderIds, java.util.Collection<YearMonth> months) {
    if (leaderIds.isEmpty()) {
      return new HashMap<>();
    }
    return read(leaderIds, months);
  }

  /** Interviews booked per leader and month, for every leader with any in those months. */
  public Map<UUID, Map<YearMonth, Integer>> bookedByAll(java.util.Collection<YearMonth> months) {
    return read(null, months);
  }

  private Map<UUID, Map<YearMonth, Integer>> read(
      java.util.Collection<UUID> leaderIds, java.util.Collection<YearMonth> months) {
    Map<UUID, Map<YearMonth, Integer>> booked = new HashMap<>();
    if (months.isEmpty()) {
      return booked;
    }
    var query =
        em.createNativeQuery(
                "select cast(leader_id as varchar(36)), period, booked from leader_month_load"
                    + " where period in (?1)"
                    + (leaderIds == null ? "" : " and leader_id in (?2)"))
            .setParameter(1, months.stream().map(YearMonth::toString).distinct().toList());
    if (leaderIds != null) {
      query.setParameter(2, List.copyOf(leaderIds));
    }
    for (Object row : query.getResultList()) {
      Object[] columns = (Object[]) row;
      booked
          .computeIfAbsent(UUID.fromString((String) columns[0]), id -> new HashMap<>())
          .put(YearMonth.parse((String) columns[1]), ((Number) columns[2]).intValue());
    }
    return booked;
  }
}
