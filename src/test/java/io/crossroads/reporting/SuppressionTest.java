package io.crossroads.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossroads.reporting.Suppression.Entry;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SuppressionTest {

  @Test
  void aCellOfFourPeopleIsSuppressedAndAFiveIsShown() {
    boolean[] mask = Suppression.line(new Entry[] {e(4), e(5), e(20)}, e(29));
    assertThat(mask[0]).isTrue();
    assertThat(mask[1]).as("the smallest other part hides with it").isTrue();
    assertThat(mask[2]).isFalse();
    assertThat(mask[3]).as("the total stays").isFalse();
  }

  @Test
  void zeroIsShownAndNeedsNoPartner() {
    boolean[] mask = Suppression.line(new Entry[] {e(0), e(12), e(30)}, e(42));
    assertThat(mask).containsOnly(false);
  }

  @Test
  void aTotalBackedByFewerThanFivePeopleIsSuppressedWithItsPart() {
    boolean[] mask = Suppression.line(new Entry[] {e(3), e(0)}, e(3));
    assertThat(mask).containsExactly(true, false, true);
  }

  @Test
  void aRowWithOneSuppressedCellHidesASecondAndTheColumnsFollow() {
    Entry[][] cells = {
      {e(0), e(2), e(10)},
      {e(7), e(0), e(9)},
      {e(6), e(8), e(0)}
    };
    Entry[] rows = {e(12), e(16), e(14)};
    Entry[] columns = {e(13), e(10), e(19)};
    boolean[][] mask = Suppression.table(cells, rows, columns, e(42));
    assertThat(mask[0][1]).isTrue();
    assertEveryLineHasNoneOrAtLeastTwo(mask);
  }

  @Property(tries = 300)
  void noLineEverHasExactlyOneSuppressedEntryAndEverySmallGroupIsHidden(
      @ForAll @IntRange(min = 1, max = 8) int rows,
      @ForAll @IntRange(min = 1, max = 8) int columns,
      @ForAll @LongRange(min = 0, max = 10_000) long seed) {
    Random random = new Random(seed);
    Entry[][] cells = new Entry[rows][columns];
    long[] rowSums = new long[rows];
    long[] columnSums = new long[columns];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        long people = random.nextInt(4) == 0 ? 0 : random.nextInt(12);
        cells[r][c] = new Entry(people, people);
        rowSums[r] += people;
        columnSums[c] += people;
      }
    }
    Entry[] rowTotals = new Entry[rows];
    long sum = 0;
    for (int r = 0; r < rows; r++) {
      rowTotals[r] = new Entry(rowSums[r], rowSums[r]);
      sum += rowSums[r];
    }
    Entry[] columnTotals = new Entry[columns];
    for (int c = 0; c < columns; c++) {
      columnTotals[c] = new Entry(columnSums[c], columnSums[c]);
    }
    boolean[][] mask = Suppression.table(cells, rowTotals, columnTotals, new Entry(sum, sum));
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        if (cells[r][c].sensitive()) {
          assertThat(mask[r][c]).isTrue();
        }
      }
    }
    assertEveryLineHasNoneOrAtLeastTwo(mask);
  }

  @Test
  void aDivisionsLeadersWhoHeldOneHiddenBesideAnotherCannotBeAddedUpFromItsLoad() {
    // Leaders by held interviews (0, 1, 2, 3-4, 5-9, 10+) of four divisions: A's two who held one
    // are too few, and B's six (the smallest other) hide with them. Before the load and the held
    // were suppressed together, B's buckets 1 to 10+ stayed shown and added up to its six, and
    // the company's held less B, C and D gave A's two.
    long[][] divisions = {
      {20, 2, 0, 0, 0, 0},
      {30, 6, 0, 0, 0, 0},
      {7, 5, 5, 5, 0, 0},
      {6, 9, 9, 9, 5, 0}
    };
    boolean[][] mask = load(divisions, new boolean[4]);

    int held = 6;
    assertThat(mask[0][held]).as("A's leaders who held one").isTrue();
    for (int r = 0; r < mask.length; r++) {
      if (mask[r][held]) {
        boolean anyAboveNone = false;
        for (int b = 1; b < held; b++) {
          anyAboveNone |= mask[r][b];
        }
        assertThat(anyAboveNone).as("row %d: a bucket above 0 hidden with its held", r).isTrue();
      }
    }
    assertEveryLoadLineHasNoneOrAtLeastTwo(mask);
  }

  @Property(tries = 300)
  void theLeadersLoadNeverLeavesOneFigureOfALineHidden(
      @ForAll @IntRange(min = 1, max = 6) int divisions,
      @ForAll @LongRange(min = 0, max = 10_000) long seed) {
    Random random = new Random(seed);
    long[][] counts = new long[divisions][6];
    boolean[] small = new boolean[divisions];
    for (int d = 0; d < divisions; d++) {
      for (int b = 0; b < 6; b++) {
        counts[d][b] = random.nextInt(4) == 0 ? 0 : random.nextInt(12);
      }
      small[d] = random.nextInt(6) == 0;
    }
    boolean[][] mask = load(counts, small);

    assertEveryLoadLineHasNoneOrAtLeastTwo(mask);
    for (int d = 0; d < divisions; d++) {
      for (int c = 0; c < 8; c++) {
        assertThat(mask[d][c] || !small[d]).as("a small division is hidden whole").isTrue();
      }
    }
  }

  /** The mask of {@link Suppression#load}, divisions then the company, from bucket counts. */
  private static boolean[][] load(long[][] divisions, boolean[] small) {
    int rows = divisions.length + 1;
    Entry[][] buckets = new Entry[rows][6];
    Entry[] held = new Entry[rows];
    Entry[] eligible = new Entry[rows];
    long[] company = new long[6];
    for (int r = 0; r < rows; r++) {
      long[] counts = r < divisions.length ? divisions[r] : company;
      long all = 0;
      for (int b = 0; b < 6; b++) {
        buckets[r][b] = e(counts[b]);
        all += counts[b];
        if (r < divisions.length) {
          company[b] += counts[b];
        }
      }
      held[r] = e(all - counts[0]);
      eligible[r] = e(all);
    }
    return Suppression.load(buckets, held, eligible, small);
  }

  /**
   * Each line of the load (a row's buckets and eligible; its buckets above 0 and held; its bucket
   * 0, held and eligible; a column over the divisions and the company) hides none or two or more.
   */
  private static void assertEveryLoadLineHasNoneOrAtLeastTwo(boolean[][] mask) {
    for (boolean[] row : mask) {
      int all = 0;
      int some = 0;
      for (int b = 0; b < 6; b++) {
        all += row[b] ? 1 : 0;
        some += b > 0 && row[b] ? 1 : 0;
      }
      assertThat(all + (row[7] ? 1 : 0)).isNotEqualTo(1);
      assertThat(some + (row[6] ? 1 : 0)).isNotEqualTo(1);
      assertThat((row[0] ? 1 : 0) + (row[6] ? 1 : 0) + (row[7] ? 1 : 0)).isNotEqualTo(1);
    }
    for (int c = 0; c < 8; c++) {
      int hidden = 0;
      for (boolean[] row : mask) {
        hidden += row[c] ? 1 : 0;
      }
      assertThat(hidden).isNotEqualTo(1);
    }
  }

  private static void assertEveryLineHasNoneOrAtLeastTwo(boolean[][] mask) {
    for (boolean[] row : mask) {
      int hidden = 0;
      for (boolean cell : row) {
        hidden += cell ? 1 : 0;
      }
      assertThat(hidden).isNotEqualTo(1);
    }
    for (int c = 0; c < mask[0].length; c++) {
      int hidden = 0;
      for (boolean[] row : mask) {
        hidden += row[c] ? 1 : 0;
      }
      assertThat(hidden).isNotEqualTo(1);
    }
  }

  private static Entry e(long people) {
    return new Entry(people, people);
  }
}
