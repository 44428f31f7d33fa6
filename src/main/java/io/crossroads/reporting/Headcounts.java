package io.crossroads.reporting;

import io.crossroads.reporting.Suppression.Entry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A table's figures with the people behind each cell, row, column and the total, as far as
 * suppression needs them: whether fewer than {@link Suppression#MINIMUM_PEOPLE} distinct people
 * stand behind a figure, and then how many.
 *
 * <p>The database answers each cell's people as 64 bits, one set per person by a hash of their id
 * ({@link ReportSql#personBit}): the bits of a row, a column or the total are the OR of their
 * cells' bits, and the bits set never outnumber the people, so five bits set means five people or
 * more without counting anyone twice across cells. Where fewer than five are set, every cell of
 * that line has fewer than five too, and the database has answered those cells' people by id
 * ({@link #person}): they are counted exactly.
 */
final class Headcounts {

  private final int columns;
  private final long[][] values;
  private final long[][] bits;
  private final Map<Integer, Set<UUID>> few = new HashMap<>();

  Headcounts(int rows, int columns) {
    this.columns = columns;
    this.values = new long[rows][columns];
    this.bits = new long[rows][columns];
  }

  /**
   * The SQL condition on a cell's OR-ed bits under which its people must be answered by id: fewer
   * than five bits set.
   */
  static String fewBits(ReportSql sql, String bits) {
    return sql.bitCount(bits) + " < " + Suppression.MINIMUM_PEOPLE;
  }

  void cell(int row, int column, long value, long cellBits) {
    values[row][column] = value;
    bits[row][column] = cellBits;
  }

  /** One of the people of a cell with fewer than five bits set. */
  void person(int row, int column, UUID id) {
    few.computeIfAbsent(row * columns + column, key -> new HashSet<>()).add(id);
  }

  Entry cell(int row, int column) {
    return entry(row, row + 1, column, column + 1);
  }

  Entry row(int row) {
    return entry(row, row + 1, 0, columns);
  }

  Entry column(int column) {
    return entry(0, values.length, column, column + 1);
  }

  Entry total() {
    return entry(0, values.length, 0, columns);
  }

  private Entry entry(int fromRow, int toRow, int fromColumn, int toColumn) {
    long value = 0;
    long union = 0;
    for (int r = fromRow; r < toRow; r++) {
      for (int c = fromColumn; c < toColumn; c++) {
        value += values[r][c];
        union |= bits[r][c];
      }
    }
    int lowerBound = Long.bitCount(union);
    if (lowerBound >= Suppression.MINIMUM_PEOPLE) {
      return new Entry(value, lowerBound);
    }
    Set<UUID> people = new HashSet<>();
    for (int r = fromRow; r < toRow; r++) {
      for (int c = fromColumn; c < toColumn; c++) {
        people.addAll(few.getOrDefault(r * columns + c, Set.of()));
      }
    }
    return new Entry(value, people.size());
  }
}
