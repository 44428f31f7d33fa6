package io.crossroads.matching;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every leader matching may suggest, indexed by topic and division, with each topic's weight by
 * rarity: a topic few leaders share says more about a match than one everybody lists. Immutable;
 * leaders are held in id order, so their index is a stable tie-breaker.
 */
public final class LeaderPool {

  private final List<LeaderCard> leaders;
  private final Map<UUID, Integer> indexById = new HashMap<>();
  private final Map<String, int[]> byTopic = new HashMap<>();
  private final Map<UUID, int[]> byDivision = new HashMap<>();
  private final Map<String, Integer> topicPoints = new HashMap<>();
  private final LocalDate day;

  /**
   * @param day the day whose UTC offsets decide how working hours overlap (offsets change with
   *     daylight saving time, so the answer depends on the date)
   */
  public LeaderPool(List<LeaderCard> cards, LocalDate day) {
    this.day = day;
    this.leaders = cards.stream().sorted(Comparator.comparing(LeaderCard::id)).toList();
    Map<String, List<Integer>> topics = new HashMap<>();
    Map<UUID, List<Integer>> divisions = new HashMap<>();
    for (int i = 0; i < leaders.size(); i++) {
      LeaderCard leader = leaders.get(i);
      indexById.put(leader.id(), i);
      for (String topic : leader.topics()) {
        topics.computeIfAbsent(topic, t -> new ArrayList<>()).add(i);
      }
      divisions.computeIfAbsent(leader.divisionId(), d -> new ArrayList<>()).add(i);
    }
    double n = Math.max(2, leaders.size());
    topics.forEach(
        (topic, holders) -> {
          byTopic.put(topic, holders.stream().mapToInt(Integer::intValue).toArray());
          double rarity = Math.log(n / holders.size()) / Math.log(n);
          topicPoints.put(topic, (int) Math.round(Scorer.TOPIC_MAX * (0.5 + 0.5 * rarity)));
        });
    divisions.forEach(
        (division, members) ->
            byDivision.put(division, members.stream().mapToInt(Integer::intValue).toArray()));
  }

  public int size() {
    return leaders.size();
  }

  public LeaderCard get(int index) {
    return leaders.get(index);
  }

  public List<LeaderCard> leaders() {
    return leaders;
  }

  public Optional<Integer> indexOf(UUID leaderId) {
    return Optional.ofNullable(indexById.get(leaderId));
  }

  /** Points a shared (normalised) topic adds: more for rare topics; zero if no leader lists it. */
  public int topicPoints(String topic) {
    return topicPoints.getOrDefault(topic, 0);
  }

  int[] withTopic(String topic) {
    return byTopic.getOrDefault(topic, new int[0]);
  }

  int[] inDivision(UUID divisionId) {
    return byDivision.getOrDefault(divisionId, new int[0]);
  }

  /** Whole hours in which 09:00–17:00 in one zone meets 09:00–17:00 in the other. */
  public int overlapHours(ZoneId a, ZoneId b) {
    LocalTime noon = LocalTime.NOON;
    int offsetA = day.atTime(noon).atZone(a).getOffset().getTotalSeconds() / 60;
    int offsetB = day.atTime(noon).atZone(b).getOffset().getTotalSeconds() / 60;
    return Math.max(0, 8 * 60 - Math.abs(offsetA - offsetB)) / 60;
  }
}
