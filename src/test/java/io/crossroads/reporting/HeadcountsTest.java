package io.crossroads.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossroads.reporting.Suppression.Entry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class HeadcountsTest {

  @Test
  void fiveBitsSetAreFivePeopleOrMoreWithoutAnyoneNamed() {
    Headcounts counts = new Headcounts(1, 1);
    counts.cell(0, 0, 40, 0b11111);

    assertThat(counts.cell(0, 0).value()).isEqualTo(40);
    assertThat(counts.cell(0, 0).sensitive()).isFalse();
  }

  @Test
  void fewerBitsThanPeopleAreCountedByTheirIds() {
    // Five people whose bits collide into three: the ids decide.
    Headcounts counts = new Headcounts(1, 1);
    counts.cell(0, 0, 9, 0b111);
    for (int i = 0; i < 5; i++) {
      counts.person(0, 0, new UUID(0, i));
    }

    assertThat(counts.cell(0, 0).people()).isEqualTo(5);
    assertThat(counts.cell(0, 0).sensitive()).isFalse();
  }

  @Test
  void aPersonInTwoCellsOfARowCountsOnceForTheRow() {
    UUID ann = new UUID(0, 1);
    UUID bo = new UUID(0, 2);
    Headcounts counts = new Headcounts(1, 2);
    counts.cell(0, 0, 3, 0b01);
    counts.cell(0, 1, 2, 0b11);
    counts.person(0, 0, ann);
    counts.person(0, 1, ann);
    counts.person(0, 1, bo);

    Entry row = counts.row(0);
    assertThat(row.value()).isEqualTo(5);
    assertThat(row.people()).isEqualTo(2);
    assertThat(row.sensitive()).isTrue();
    assertThat(counts.column(1).people()).isEqualTo(2);
    assertThat(counts.total()).isEqualTo(row);
  }

  @Test
  void cellsOfFewPeopleMakeARowOfEnoughTogether() {
    Headcounts counts = new Headcounts(1, 3);
    for (int c = 0; c < 3; c++) {
      counts.cell(0, c, 2, 1L << (2 * c) | 1L << (2 * c + 1));
      counts.person(0, c, new UUID(1, 2 * c));
      counts.person(0, c, new UUID(1, 2 * c + 1));
    }

    assertThat(counts.cell(0, 1).sensitive()).isTrue();
    assertThat(counts.row(0).sensitive()).isFalse();
    assertThat(counts.row(0).value()).isEqualTo(6);
  }

  /**
   * Whatever the people, the cells they fall in and however their bits collide, every figure is
   * sensitive exactly when fewer than five distinct people stand behind it, and then its people are
   * exact; its value is the sum of its cells'.
   */
  @Property(tries = 300)
  void everyFigureIsSensitiveExactlyWhenItsDistinctPeopleAreOneToFour(
      @ForAll @IntRange(min = 1, max = 4) int rows,
      @ForAll @IntRange(min = 1, max = 4) int columns,
      @ForAll @IntRange(min = 0, max = 40) int events,
      @ForAll @IntRange(min = 1, max = 12) int population,
      @ForAll @IntRange(min = 1, max = 64) int distinctBits,
      @ForAll long seed) {
    Random random = new Random(seed);
    List<Set<UUID>> people = new ArrayList<>();
    long[][] values = new long[rows][columns];
    long[][] bits = new long[rows][columns];
    for (int i = 0; i < rows * columns; i++) {
      people.add(new HashSet<>());
    }
    for (int e = 0; e < events; e++) {
      int r = random.nextInt(rows);
      int c = random.nextInt(columns);
      int person = random.nextInt(population);
      values[r][c]++;
      bits[r][c] |= 1L << (person % distinctBits);
      people.get(r * columns + c).add(new UUID(7, person));
    }
    Headcounts counts = new Headcounts(rows, columns);
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        counts.cell(r, c, values[r][c], bits[r][c]);
        if (Long.bitCount(bits[r][c]) < Suppression.MINIMUM_PEOPLE) {
          for (UUID id : people.get(r * columns + c)) {
            counts.person(r, c, id);
          }
        }
      }
    }

    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        check(counts.cell(r, c), people, values, columns, r, r + 1, c, c + 1);
      }
      check(counts.row(r), people, values, columns, r, r + 1, 0, columns);
    }
    for (int c = 0; c < columns; c++) {
      check(counts.column(c), people, values, columns, 0, rows, c, c + 1);
    }
    check(counts.total(), people, values, columns, 0, rows, 0, columns);
  }

  private static void check(
      Entry entry,
      List<Set<UUID>> people,
      long[][] values,
      int columns,
      int fromRow,
      int toRow,
      int fromColumn,
      int toColumn) {
    Set<UUID> behind = new HashSet<>();
    long value = 0;
    for (int r = fromRow; r < toRow; r++) {
      for (int c = fromColumn; c < toColumn; c++) {
        behind.addAll(people.get(r * columns + c));
        value += values[r][c];
      }
    }
    assertThat(entry.value()).isEqualTo(value);
    assertThat(entry.sensitive()).isEqualTo(Suppression.small(behind.size()));
    if (behind.size() < Suppression.MINIMUM_PEOPLE) {
      assertThat(entry.people()).isEqualTo(behind.size());
    } else {
      assertThat(entry.people()).isBetween((long) Suppression.MINIMUM_PEOPLE, (long) behind.size());
    }
  }
}
