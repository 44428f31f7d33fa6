package io.crossroads.reporting;

import java.util.ArrayList;
import java.util.List;

/**
 * Which figures HR may not see (docs/METRICS.md, "Suppression"): any backed by 1 to 4 people, and
 * then, complementarily, enough others that no suppressed entry can be worked back from a line that
 * adds up to a shown total.
 */
final class Suppression {

  /** Fewer people than this behind a figure, and it is not shown (0 is shown). */
  static final int MINIMUM_PEOPLE = 5;

  private Suppression() {}

  /**
   * A figure's value and the distinct people behind it: exactly when fewer than {@link
   * #MINIMUM_PEOPLE}, otherwise any number from {@link #MINIMUM_PEOPLE} to the exact one.
   */
  record Entry(long value, long people) {

    boolean sensitive() {
      return small(people);
    }
  }

  /** Whether a group of this many people is too small to report on: 1 to 4 (0 is shown). */
  static boolean small(long people) {
    return people > 0 && people < MINIMUM_PEOPLE;
  }

  /**
   * A table with margins: {@code cells[r][c]}, the row totals, the column totals and the grand
   * total. Answers a mask of the same shape, {@code (rows + 1) × (columns + 1)}: the last column
   * holds the row totals, the last row the column totals, the corner the grand total.
   */
  static boolean[][] table(Entry[][] cells, Entry[] rowTotals, Entry[] columnTotals, Entry total) {
    return table(cells, rowTotals, columnTotals, total, new boolean[rowTotals.length]);
  }

  /**
   * As {@link #table(Entry[][], Entry[], Entry[], Entry)}, with whole rows hidden from the start
   * whatever their figures: the rows of groups too small to report on at all.
   */
  static boolean[][] table(
      Entry[][] cells, Entry[] rowTotals, Entry[] columnTotals, Entry total, boolean[] hiddenRows) {
    int rows = rowTotals.length;
    int columns = columnTotals.length;
    Entry[][] grid = new Entry[rows + 1][columns + 1];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(cells[r], 0, grid[r], 0, columns);
      grid[r][columns] = rowTotals[r];
    }
    System.arraycopy(columnTotals, 0, grid[rows], 0, columns);
    grid[rows][columns] = total;

    boolean[][] hidden = new boolean[rows + 1][columns + 1];
    for (int r = 0; r <= rows; r++) {
      for (int c = 0; c <= columns; c++) {
        hidden[r][c] = r < rows && hiddenRows[r];
      }
    }
    List<int[][]> lines = new ArrayList<>();
    for (int r = 0; r <= rows; r++) {
      int[][] line = new int[columns + 1][];
      for (int c = 0; c <= columns; c++) {
        line[c] = new int[] {r, c};
      }
      lines.add(line);
    }
    for (int c = 0; c <= columns; c++) {
      int[][] line = new int[rows + 1][];
      for (int r = 0; r <= rows; r++) {
        line[r] = new int[] {r, c};
      }
      lines.add(line);
    }
    return lines(grid, hidden, lines);
  }

  /**
   * Entries of {@code grid} that add up along {@code lines}: in each line one entry is the sum of
   * the others. Starting from {@code hidden} (changed in place) and the sensitive entries, hides
   * others until no line has exactly one entry hidden, each line in turn and again until nothing
   * changes; answers the mask.
   */
  static boolean[][] lines(Entry[][] grid, boolean[][] hidden, List<int[][]> lines) {
    for (int r = 0; r < grid.length; r++) {
      for (int c = 0; c < grid[r].length; c++) {
        hidden[r][c] |= grid[r][c].sensitive();
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int[][] line : lines) {
        changed |= protect(line, grid, hidden);
      }
    }
    return hidden;
  }

  /**
   * The leaders' load (docs/METRICS.md, "Leaders"): for every division and then the company (the
   * last row), its eligible leaders by held interviews ({@code buckets}, the first for none), those
   * who held one ({@code held}) and all of them ({@code eligible}). The buckets add up to the
   * eligible, all but the first to those who held one, the first and those who held one to the
   * eligible, and each figure over the divisions to the company's: they are suppressed together.
   * Answers a mask per row: the buckets, then the held, then the eligible. Rows in {@code
   * smallRows} (divisions too small to report on) are hidden whole.
   */
  static boolean[][] load(Entry[][] buckets, Entry[] held, Entry[] eligible, boolean[] smallRows) {
    int rows = eligible.length;
    int size = buckets[0].length;
    int heldAt = size;
    int eligibleAt = size + 1;
    Entry[][] grid = new Entry[rows][size + 2];
    boolean[][] hidden = new boolean[rows][size + 2];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(buckets[r], 0, grid[r], 0, size);
      grid[r][heldAt] = held[r];
      grid[r][eligibleAt] = eligible[r];
      if (r < smallRows.length && smallRows[r]) {
        java.util.Arrays.fill(hidden[r], true);
      }
    }
    List<int[][]> lines = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      int[][] all = new int[size + 1][];
      int[][] some = new int[size][];
      for (int b = 0; b < size; b++) {
        all[b] = new int[] {r, b};
        if (b > 0) {
          some[b - 1] = new int[] {r, b};
        }
      }
      all[size] = new int[] {r, eligibleAt};
      some[size - 1] = new int[] {r, heldAt};
      lines.add(all);
      lines.add(some);
      lines.add(new int[][] {{r, 0}, {r, heldAt}, {r, eligibleAt}});
    }
    for (int c = 0; c < size + 2; c++) {
      int[][] column = new int[rows][];
      for (int r = 0; r < rows; r++) {
        column[r] = new int[] {r, c};
      }
      lines.add(column);
    }
    return lines(grid, hidden, lines);
  }

  /** Parts adding up to a total: the mask of the parts, then of the total (last). */
  static boolean[] line(Entry[] parts, Entry total) {
    return across(parts, total, new boolean[parts.length]);
  }

  /**
   * One figure of every division and of the whole company, which the divisions' figures add up to:
   * the mask of the divisions, then of the company (last). Divisions in {@code hiddenParts} (too
   * small to report on) are hidden whatever their figure, so that no division's figure can be
   * worked out as the company's less the other divisions'.
   */
  static boolean[] across(Entry[] parts, Entry total, boolean[] hiddenParts) {
    Entry[][] cells = new Entry[parts.length][];
    for (int i = 0; i < parts.length; i++) {
      cells[i] = new Entry[] {parts[i]};
    }
    boolean[][] mask = table(cells, parts, new Entry[] {total}, total, hiddenParts);
    boolean[] answer = new boolean[parts.length + 1];
    for (int i = 0; i <= parts.length; i++) {
      answer[i] = mask[i][0];
    }
    return answer;
  }

  /**
   * With exactly one entry of the line hidden, hides the one it could be worked back from most
   * cheaply: the smallest non-zero shown entry (a part before the total on a tie), else a zero.
   */
  private static boolean protect(int[][] line, Entry[][] grid, boolean[][] hidden) {
    int count = 0;
    for (int[] at : line) {
      if (hidden[at[0]][at[1]]) {
        count++;
      }
    }
    if (count != 1) {
      return false;
    }
    int[] pick = null;
    for (boolean nonZero : new boolean[] {true, false}) {
      for (int[] at : line) {
        Entry entry = grid[at[0]][at[1]];
        if (hidden[at[0]][at[1]] || (entry.value() > 0) != nonZero) {
          continue;
        }
        if (pick == null || entry.value() < grid[pick[0]][pick[1]].value()) {
          pick = at;
        }
      }
      if (pick != null) {
        break;
      }
    }
    if (pick == null) {
      return false;
    }
    hidden[pick[0]][pick[1]] = true;
    return true;
  }
}
