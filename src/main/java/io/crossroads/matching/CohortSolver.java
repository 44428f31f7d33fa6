package io.crossroads.matching;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Chooses which candidate edges a cohort round makes: every employee at most {@code k}
 * introductions, every leader at most their capacity, the total score as high as it can be.
 *
 * <p>The optimum is a minimum-cost flow (source → employee, capacity k; employee → leader, capacity
 * 1, cost −score; leader → sink, capacity = places; and a zero-cost bypass so that leaving someone
 * unmatched is allowed), solved by OR-Tools' cost-scaling push-relabel. The greedy pass (best edges
 * first while both ends have room) is kept as the baseline it is measured against.
 */
public final class CohortSolver {

  /** The chosen edges of a graph and their total score. */
  public record Assignment(int[] edges, long totalScore) {}

  private CohortSolver() {}

  public static Assignment optimal(CandidateGraph graph, int k, int[] capacity) {
    NativeSolver.load();
    int employees = graph.employees();
    int leaders = capacity.length;
    int source = employees + leaders;
    int sink = source + 1;
    long supply = (long) employees * k;
    MinCostFlow flow = new MinCostFlow();
    for (int e = 0; e < employees; e++) {
      flow.addArcWithCapacityAndUnitCost(source, e, k, 0);
    }
    int[] arcOfEdge = new int[graph.edges()];
    for (int e = 0; e < graph.edges(); e++) {
      arcOfEdge[e] =
          flow.addArcWithCapacityAndUnitCost(
              graph.employee(e), employees + graph.leader(e), 1, -graph.points(e));
    }
    for (int l = 0; l < leaders; l++) {
      flow.addArcWithCapacityAndUnitCost(employees + l, sink, capacity[l], 0);
    }
    flow.addArcWithCapacityAndUnitCost(source, sink, supply, 0);
    flow.setNodeSupply(source, supply);
    flow.setNodeSupply(sink, -supply);
    MinCostFlowBase.Status status = flow.solve();
    if (status != MinCostFlowBase.Status.OPTIMAL) {
      throw new IllegalStateException("The cohort flow could not be solved: " + status);
    }
    int[] chosen =
        IntStream.range(0, graph.edges()).filter(e -> flow.getFlow(arcOfEdge[e]) > 0).toArray();
    return new Assignment(chosen, -flow.getOptimalCost());
  }

  public static Assignment greedy(CandidateGraph graph, int k, int[] capacity) {
    int[] room = capacity.clone();
    int[] taken = new int[graph.employees()];
    Integer[] order = new Integer[graph.edges()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Integer.compare(graph.points(b), graph.points(a)));
    int[] chosen = new int[graph.edges()];
    int count = 0;
    long total = 0;
    for (int e : order) {
      int employee = graph.employee(e);
      int leader = graph.leader(e);
      if (graph.points(e) > 0 && taken[employee] < k && room[leader] > 0) {
        taken[employee]++;
        room[leader]--;
        chosen[count++] = e;
        total += graph.points(e);
      }
    }
    return new Assignment(Arrays.copyOf(chosen, count), total);
  }

  /** OR-Tools' native library, loaded once per class loader. */
  private static final class NativeSolver {
    private static boolean loaded;

    static synchronized void load() {
      if (!loaded) {
        Loader.loadNativeLibraries();
        loaded = true;
      }
    }
  }
}
