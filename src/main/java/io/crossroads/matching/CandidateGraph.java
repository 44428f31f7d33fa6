package io.crossroads.matching;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The edges a cohort round chooses from, each with the {@link Scorer}'s points for the pair.
 *
 * <p>First every employee's {@code perEmployee} best eligible leaders. Popular leaders then have
 * far more candidates than places while others have none, so a second pass adds, for every
 * employee, their best {@code perEmployee / 2} (at least one) among the leaders whose candidates do
 * not fill twice their places: every place can be used, and the flow decides who gets it. Scores
 * are accumulated over the topic and division indexes instead of pair by pair, which is what makes
 * 100,000 employees over 10,000 leaders a matter of seconds.
 */
public final class CandidateGraph {

  private final int employees;
  private final int[] employee;
  private final int[] leader;
  private final int[] points;

  private CandidateGraph(int employees, int[] employee, int[] leader, int[] points) {
    this.employees = employees;
    this.employee = employee;
    this.leader = leader;
    this.points = points;
  }

  /**
   * @param capacity places per leader (by pool index) in this round
   * @param progress told how many of {@code 2 × employees} steps are done, now and then
   */
  public static CandidateGraph build(
      Scorer scorer, List<Seeker> seekers, int perEmployee, int[] capacity, IntConsumer progress) {
    int n = seekers.size();
    LeaderPool pool = scorer.pool();
    AtomicInteger done = new AtomicInteger();
    Index all = new Index(scorer, null);
    int[][][] first = pass(scorer, all, seekers, perEmployee, done, progress);

    int[] candidates = new int[pool.size()];
    for (int[] leaders : first[0]) {
      for (int l : leaders) {
        candidates[l]++;
      }
    }
    boolean[] spare = new boolean[pool.size()];
    for (int l = 0; l < spare.length; l++) {
      spare[l] = capacity[l] > 0 && candidates[l] < 2 * capacity[l];
    }
    int[][][] second =
        pass(
            scorer,
            new Index(scorer, spare),
            seekers,
            Math.max(1, perEmployee / 2),
            done,
            progress);

    int edges = 0;
    for (int i = 0; i < n; i++) {
      edges += first[0][i].length + second[0][i].length;
    }
    int[] from = new int[edges];
    int[] to = new int[edges];
    int[] weight = new int[edges];
    int e = 0;
    for (int i = 0; i < n; i++) {
      int[] mine = first[0][i];
      for (int j = 0; j < mine.length; j++) {
        from[e] = i;
        to[e] = mine[j];
        weight[e++] = first[1][i][j];
      }
      for (int j = 0; j < second[0][i].length; j++) {
        int l = second[0][i][j];
        if (!contains(mine, l)) {
          from[e] = i;
          to[e] = l;
          weight[e++] = second[1][i][j];
        }
      }
    }
    return new CandidateGraph(
        n, Arrays.copyOf(from, e), Arrays.copyOf(to, e), Arrays.copyOf(weight, e));
  }

  /** Every employee's best {@code wanted} leaders of the index: [0] leaders, [1] points. */
  private static int[][][] pass(
      Scorer scorer,
      Index index,
      List<Seeker> seekers,
      int wanted,
      AtomicInteger done,
      IntConsumer progress) {
    int n = seekers.size();
    int[][] leaders = new int[n][];
    int[][] scores = new int[n][];
    int chunk = 1024;
    IntStream.range(0, (n + chunk - 1) / chunk)
        .parallel()
        .forEach(
            c -> {
              Finder finder = new Finder(scorer, index, wanted);
              int end = Math.min(n, (c + 1) * chunk);
              for (int i = c * chunk; i < end; i++) {
                finder.find(seekers.get(i));
                leaders[i] = finder.leaders();
                scores[i] = finder.points();
              }
              progress.accept(done.addAndGet(end - c * chunk));
            });
    return new int[][][] {leaders, scores};
  }

  private static boolean contains(int[] values, int value) {
    for (int v : values) {
      if (v == value) {
        return true;
      }
    }
    return false;
  }

  public int employees() {
    return employees;
  }

  public int edges() {
    return employee.length;
  }

  public int employee(int edge) {
    return employee[edge];
  }

  public int leader(int edge) {
    return leader[edge];
  }

  public int points(int edge) {
    return points[edge];
  }

  /**
   * The pool's topic and division indexes, limited to some leaders (all when {@code only} is null),
   * and per time zone of the employee the interest-free part of every leader's score with the
   * leaders in that order.
   */
  static final class Index {
    private final Scorer scorer;
    private final boolean[] only;
    private final Map<String, int[]> byTopic = new ConcurrentHashMap<>();
    private final Map<UUID, int[]> byDivision = new ConcurrentHashMap<>();
    private final Map<ZoneId, int[]> statics = new ConcurrentHashMap<>();
    private final Map<String, int[]> order = new ConcurrentHashMap<>();

    /** Leaders who can be suggested to nobody (not accepting, no place left) are left out. */
    Index(Scorer scorer, boolean[] only) {
      this.scorer = scorer;
      LeaderPool pool = scorer.pool();
      this.only = new boolean[pool.size()];
      for (int l = 0; l < pool.size(); l++) {
        this.only[l] =
            (only == null || only[l]) && pool.get(l).accepting() && pool.get(l).placesLeft() > 0;
      }
    }

    int[] withTopic(String topic) {
      return byTopic.computeIfAbsent(topic, t -> keep(scorer.pool().withTopic(t)));
    }

    int[] inDivision(UUID division) {
      return byDivision.computeIfAbsent(division, d -> keep(scorer.pool().inDivision(d)));
    }

    boolean includes(int leader) {
      return only[leader];
    }

    int[] staticPoints(Seeker seeker) {
      return statics.computeIfAbsent(
          seeker.zone(),
          zone -> {
            LeaderPool pool = scorer.pool();
            int[] p = new int[pool.size()];
            for (int l = 0; l < p.length; l++) {
              p[l] = scorer.staticPoints(seeker, pool.get(l));
            }
            return p;
          });
    }

    /**
     * Included leaders within the employee's level band by static points, best first, ties by
     * index.
     */
    int[] order(Seeker seeker) {
      int[] p = staticPoints(seeker);
      int highest = scorer.policy().highestLevelFor(seeker.level());
      LeaderPool pool = scorer.pool();
      return order.computeIfAbsent(
          seeker.zone().getId() + "/" + highest,
          key ->
              IntStream.range(0, p.length)
                  .filter(l -> includes(l) && pool.get(l).level() <= highest)
                  .boxed()
                  .sorted(
                      (a, b) -> p[a] != p[b] ? Integer.compare(p[b], p[a]) : Integer.compare(a, b))
                  .mapToInt(Integer::intValue)
                  .toArray());
    }

    private int[] keep(int[] leaders) {
      return Arrays.stream(leaders).filter(this::includes).toArray();
    }
  }

  /**
   * Finds one employee's best leaders of an index; arrays are reused from one employee to the next,
   * so one finder serves one thread.
   */
  static final class Finder {
    private final Scorer scorer;
    private final LeaderPool pool;
    private final Index index;
    private final int wanted;
    private final int[] accumulated;
    private final boolean[] touched;
    private final int[] touchedList;
    private int touchedCount;
    // The best so far: a bounded heap whose root is the worst kept.
    private final int[] heapLeader;
    private final int[] heapPoints;
    private int heapSize;

    Finder(Scorer scorer, Index index, int wanted) {
      this.scorer = scorer;
      this.pool = scorer.pool();
      this.index = index;
      this.wanted = wanted;
      this.accumulated = new int[pool.size()];
      this.touched = new boolean[pool.size()];
      this.touchedList = new int[pool.size()];
      this.heapLeader = new int[wanted];
      this.heapPoints = new int[wanted];
    }

    void find(Seeker seeker) {
      heapSize = 0;
      if (wanted == 0) {
        return;
      }
      for (String topic : seeker.topics()) {
        int topicPoints = pool.topicPoints(topic);
        for (int l : index.withTopic(topic)) {
          add(l, topicPoints);
        }
      }
      for (UUID division : seeker.targetDivisions()) {
        for (int l : index.inDivision(division)) {
          add(l, Scorer.TARGET_DIVISION);
        }
      }
      for (UUID referred : seeker.referrals().keySet()) {
        pool.indexOf(referred).filter(index::includes).ifPresent(l -> add(l, Scorer.REFERRAL));
      }
      int[] base = index.staticPoints(seeker);
      for (int t = 0; t < touchedCount; t++) {
        int l = touchedList[t];
        int total = accumulated[l] + base[l];
        // The hard constraints are checked only for leaders good enough to be kept.
        if (wouldKeep(total, l) && scorer.eligible(seeker, pool.get(l))) {
          offer(l, total);
        }
      }
      // Untouched leaders score their static points only: the first eligible ones in static
      // order are the best of them, and no later one can beat those already kept.
      int offered = 0;
      for (int l : index.order(seeker)) {
        if (offered >= wanted || !wouldKeep(base[l], l)) {
          break;
        }
        if (!touched[l] && scorer.eligible(seeker, pool.get(l))) {
          offer(l, base[l]);
          offered++;
        }
      }
      for (int t = 0; t < touchedCount; t++) {
        accumulated[touchedList[t]] = 0;
        touched[touchedList[t]] = false;
      }
      touchedCount = 0;
    }

    private void add(int leader, int points) {
      if (!touched[leader]) {
        touched[leader] = true;
        touchedList[touchedCount++] = leader;
      }
      accumulated[leader] += points;
    }

    /** Worse: fewer points, or as many points and a later leader. */
    private static boolean worse(int aPoints, int aLeader, int bPoints, int bLeader) {
      return aPoints != bPoints ? aPoints < bPoints : aLeader > bLeader;
    }

    private boolean wouldKeep(int points, int leader) {
      return heapSize < wanted || worse(heapPoints[0], heapLeader[0], points, leader);
    }

    private void offer(int leader, int points) {
      if (heapSize < wanted) {
        heapLeader[heapSize] = leader;
        heapPoints[heapSize] = points;
        siftUp(heapSize++);
      } else {
        heapLeader[0] = leader;
        heapPoints[0] = points;
        siftDown(0);
      }
    }

    private void siftUp(int i) {
      while (i > 0) {
        int parent = (i - 1) / 2;
        if (!worse(heapPoints[i], heapLeader[i], heapPoints[parent], heapLeader[parent])) {
          return;
        }
        swap(i, parent);
        i = parent;
      }
    }

    private void siftDown(int i) {
      while (true) {
        int left = 2 * i + 1;
        int right = left + 1;
        int worst = i;
        if (left < heapSize
            && worse(heapPoints[left], heapLeader[left], heapPoints[worst], heapLeader[worst])) {
          worst = left;
        }
        if (right < heapSize
            && worse(heapPoints[right], heapLeader[right], heapPoints[worst], heapLeader[worst])) {
          worst = right;
        }
        if (worst == i) {
          return;
        }
        swap(i, worst);
        i = worst;
      }
    }

    private void swap(int a, int b) {
      int l = heapLeader[a];
      int p = heapPoints[a];
      heapLeader[a] = heapLeader[b];
      heapPoints[a] = heapPoints[b];
      heapLeader[b] = l;
      heapPoints[b] = p;
    }

    /** The leaders kept for the last employee, best first. */
    int[] leaders() {
      return sorted()[0];
    }

    int[] points() {
      return sorted()[1];
    }

    private int[][] sorted() {
      Integer[] order = new Integer[heapSize];
      Arrays.setAll(order, i -> i);
      Arrays.sort(
          order,
          (a, b) ->
              worse(heapPoints[a], heapLeader[a], heapPoints[b], heapLeader[b])
                  ? 1
                  : worse(heapPoints[b], heapLeader[b], heapPoints[a], heapLeader[a]) ? -1 : 0);
      int[] l = new int[heapSize];
      int[] p = new int[heapSize];
      for (int i = 0; i < heapSize; i++) {
        l[i] = heapLeader[order[i]];
        p[i] = heapPoints[order[i]];
      }
      return new int[][] {l, p};
    }
  }
}
