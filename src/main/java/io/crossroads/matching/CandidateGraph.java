package io.crossroads.matching;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * The edges a cohort round chooses from: for every employee, their {@code perEmployee} best
 * eligible leaders with the score of each pair. Scores are the {@link Scorer}'s, computed by
 * accumulation over the topic and division indexes instead of pair by pair, which is what makes
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
   * @param progress told the number of employees done, every few hundred employees
   */
  public static CandidateGraph build(Scorer scorer, List<Seeker> seekers, int perEmployee,
      IntConsumer progress) {
    int n = seekers.size();
    int[][] leaders = new int[n][];
    int[][] scores = new int[n][];
    Statics statics = new Statics(scorer);
    int chunk = 512;
    java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
    IntStream.range(0, (n + chunk - 1) / chunk).parallel().forEach(c -> {
      Finder finder = new Finder(scorer, statics, perEmployee);
      for (int i = c * chunk; i < Math.min(n, (c + 1) * chunk); i++) {
        finder.find(seekers.get(i));
        leaders[i] = finder.leaders();
        scores[i] = finder.points();
      }
      progress.accept(done.addAndGet(Math.min(n, (c + 1) * chunk) - c * chunk));
    });
    int edges = 0;
    for (int[] l : leaders) {
      edges += l.length;
    }
    int[] from = new int[edges];
    int[] to = new int[edges];
    int[] weight = new int[edges];
    int e = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < leaders[i].length; j++) {
        from[e] = i;
        to[e] = leaders[i][j];
        weight[e] = scores[i][j];
        e++;
      }
    }
    return new CandidateGraph(n, from, to, weight);
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

  /** Per time zone of the employee: the interest-free part of every leader's score, and the order. */
  private static final class Statics {
    private final Scorer scorer;
    private final Map<ZoneId, int[]> points = new ConcurrentHashMap<>();
    private final Map<ZoneId, int[]> order = new ConcurrentHashMap<>();

    Statics(Scorer scorer) {
      this.scorer = scorer;
    }

    int[] points(Seeker seeker) {
      return points.computeIfAbsent(seeker.zone(), zone -> {
        LeaderPool pool = scorer.pool();
        int[] p = new int[pool.size()];
        for (int l = 0; l < p.length; l++) {
          p[l] = scorer.staticPoints(seeker, pool.get(l));
        }
        return p;
      });
    }

    /** Leader indexes by static points, best first, ties by index. */
    int[] order(Seeker seeker) {
      int[] p = points(seeker);
      return order.computeIfAbsent(seeker.zone(), zone -> IntStream.range(0, p.length).boxed()
          .sorted((a, b) -> p[a] != p[b] ? Integer.compare(p[b], p[a]) : Integer.compare(a, b))
          .mapToInt(Integer::intValue).toArray());
    }
  }

  /** Finds one employee's best leaders; one per thread, its arrays reused. */
  private static final class Finder {
    private final Scorer scorer;
    private final LeaderPool pool;
    private final Statics statics;
    private final int wanted;
    private final int[] accumulated;
    private final boolean[] touched;
    private final int[] touchedList;
    private int touchedCount;
    // The best so far: a bounded heap whose root is the worst kept.
    private final int[] heapLeader;
    private final int[] heapPoints;
    private int heapSize;

    Finder(Scorer scorer, Statics statics, int wanted) {
      this.scorer = scorer;
      this.pool = scorer.pool();
      this.statics = statics;
      this.wanted = wanted;
      this.accumulated = new int[pool.size()];
      this.touched = new boolean[pool.size()];
      this.touchedList = new int[pool.size()];
      this.heapLeader = new int[wanted];
      this.heapPoints = new int[wanted];
    }

    void find(Seeker seeker) {
      heapSize = 0;
      for (String topic : seeker.topics()) {
        int topicPoints = pool.topicPoints(topic);
        for (int l : pool.withTopic(topic)) {
          add(l, topicPoints);
        }
      }
      for (var division : seeker.targetDivisions()) {
        for (int l : pool.inDivision(division)) {
          add(l, Scorer.TARGET_DIVISION);
        }
      }
      for (var referred : seeker.referrals().keySet()) {
        pool.indexOf(referred).ifPresent(l -> add(l, Scorer.REFERRAL));
      }
      int[] base = statics.points(seeker);
      for (int t = 0; t < touchedCount; t++) {
        int l = touchedList[t];
        if (scorer.eligible(seeker, pool.get(l))) {
          offer(l, accumulated[l] + base[l]);
        }
      }
      // Untouched leaders score their static points only: the first eligible ones in static
      // order are the best of them, and no later one can beat those already kept.
      int offered = 0;
      for (int l : statics.order(seeker)) {
        if (offered >= wanted) {
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
    private boolean worse(int aPoints, int aLeader, int bPoints, int bLeader) {
      return aPoints != bPoints ? aPoints < bPoints : aLeader > bLeader;
    }

    private void offer(int leader, int points) {
      if (wanted == 0) {
        return;
      }
      if (heapSize < wanted) {
        heapLeader[heapSize] = leader;
        heapPoints[heapSize] = points;
        siftUp(heapSize++);
      } else if (worse(heapPoints[0], heapLeader[0], points, leader)) {
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
        if (left < heapSize && worse(heapPoints[left], heapLeader[left], heapPoints[worst], heapLeader[worst])) {
          worst = left;
        }
        if (right < heapSize && worse(heapPoints[right], heapLeader[right], heapPoints[worst], heapLeader[worst])) {
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

    int[] leaders() {
      return java.util.Arrays.copyOf(heapLeader, heapSize);
    }

    int[] points() {
      return java.util.Arrays.copyOf(heapPoints, heapSize);
    }
  }
}
