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
