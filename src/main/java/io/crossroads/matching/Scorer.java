package io.crossroads.matching;

import io.crossroads.program.Eligibility;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Collectors;

/**
 * Decides how good a suggestion is (the score), among the pairs the program's {@link Eligibility}
 * policy allows (the hard constraints). Every point of a score comes from a {@link Reason}, so what
 * the employee reads is exactly what ranked the leader.
 */
public final class Scorer {

  static final int TARGET_DIVISION = 30;
  static final int REFERRAL = 25;
  static final int TOPIC_MAX = 12;
  static final int PER_OVERLAP_HOUR = 2;
  static final int ROOM = 10;
  public static final int SLOTS_SOON = 8;

  /** Best first; equal scores in leader id order, so rankings are the same on every run. */
  public static final Comparator<Match> BEST_FIRST =
      Comparator.comparingInt(Match::score).reversed().thenComparing(m -> m.leader().id());

  private final LeaderPool pool;
  private final Eligibility policy;
  private volatile CandidateGraph.Index index;

  public Scorer(LeaderPool pool, Eligibility policy) {
    this.pool = pool;
    this.policy = policy;
  }

  public LeaderPool pool() {
    return pool;
  }

  public Eligibility policy() {
    return policy;
  }

  /** The hard constraints, as the program's policy states them: never traded for score. */
  public boolean eligible(Seeker seeker, LeaderCard leader) {
    return policy.ask(seeker, leader).eligible();
  }

  /** The score alone; equal to the sum of {@link #reasons}' points. */
  public int points(Seeker seeker, LeaderCard leader) {
    int points = staticPoints(seeker, leader);
    if (seeker.targetDivisions().contains(leader.divisionId())) {
      points += TARGET_DIVISION;
    }
    if (seeker.referrals().containsKey(leader.id())) {
      points += REFERRAL;
    }
    for (String topic : seeker.topics()) {
      if (leader.topics().contains(topic)) {
        points += pool.topicPoints(topic);
      }
    }
    return points;
  }

  /** The terms that do not depend on the employee's interests: overlap of hours, room to meet. */
  int staticPoints(Seeker seeker, LeaderCard leader) {
    return PER_OVERLAP_HOUR * pool.overlapHours(seeker.zone(), leader.zone()) + roomPoints(leader);
  }

  static int roomPoints(LeaderCard leader) {
    if (leader.monthlyCap() <= 0) {
      return -ROOM;
    }
    int points = Math.round((float) ROOM * leader.uncommitted() / leader.monthlyCap());
    return Math.max(-ROOM, Math.min(ROOM, points));
  }

  public List<Reason> reasons(Seeker seeker, LeaderCard leader) {
    List<Reason> reasons = new ArrayList<>();
    if (seeker.referrals().containsKey(leader.id())) {
      reasons.add(
          new Reason("referral", "referred by " + seeker.referrals().get(leader.id()), REFERRAL));
    }
    if (seeker.targetDivisions().contains(leader.divisionId())) {
      reasons.add(
          new Reason(
              "target-division",
              "works in " + leader.divisionName() + ", a division you target",
              TARGET_DIVISION));
    }
    List<String> shared =
        seeker.topics().stream()
            .filter(topic -> leader.topics().contains(topic))
            .sorted(Comparator.comparingInt(pool::topicPoints).reversed().thenComparing(t -> t))
            .toList();
    if (!shared.isEmpty()) {
      int points = shared.stream().mapToInt(pool::topicPoints).sum();
      String count = shared.size() == 1 ? "1 of your topics" : shared.size() + " of your topics";
      reasons.add(new Reason("topics", count + ": " + String.join(", ", shared), points));
    }
    int hours = pool.overlapHours(seeker.zone(), leader.zone());
    if (hours > 0) {
      reasons.add(
          new Reason(
              "time-zones", "working hours overlap " + hours + " h", PER_OVERLAP_HOUR * hours));
    }
    int room = roomPoints(leader);
    if (room > 0) {
      reasons.add(
          new Reason(
              "room",
              leader.uncommitted() + " of " + leader.monthlyCap() + " places free this month",
              room));
    } else if (room < 0) {
      reasons.add(new Reason("busy", leader.waiting() + " requests already waiting", room));
    }
    return reasons;
  }

  public Match explain(Seeker seeker, LeaderCard leader) {
    List<Reason> reasons = reasons(seeker, leader);
    return new Match(seeker.id(), leader, reasons.stream().mapToInt(Reason::points).sum(), reasons);
  }

  /**
   * The best {@code limit} eligible leaders for one employee, explained, best first: accumulated
   * over the pool's topic and division indexes, so only leaders sharing something with the employee
   * (and the best of the rest) are looked at.
   */
  public List<Match> recommend(Seeker seeker, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    CandidateGraph.Finder finder = new CandidateGraph.Finder(this, index(), limit);
    finder.find(seeker);
    List<Match> matches = new ArrayList<>();
    for (int l : finder.leaders()) {
      matches.add(explain(seeker, pool.get(l)));
    }
    return matches;
  }

  private CandidateGraph.Index index() {
    if (index == null) {
      index = new CandidateGraph.Index(this, null);
    }
    return index;
  }

  /** The same as {@link #recommend}, by scoring every leader of the pool: the reference. */
  List<Match> recommendByScan(Seeker seeker, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    // Keeps the best `limit` seen so far; its head is the worst of them.
    PriorityQueue<long[]> best =
        new PriorityQueue<>(Comparator.<long[]>comparingLong(e -> e[0]).thenComparing(e -> -e[1]));
    for (int i = 0; i < pool.size(); i++) {
      LeaderCard leader = pool.get(i);
      if (!eligible(seeker, leader)) {
        continue;
      }
      best.add(new long[] {points(seeker, leader), i});
      if (best.size() > limit) {
        best.poll();
      }
    }
    return best.stream()
        .map(e -> explain(seeker, pool.get((int) e[1])))
        .sorted(BEST_FIRST)
        .collect(Collectors.toList());
  }
}
