package io.crossroads.reporting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the reports' job does to fold facts into counts kept per key ({@link LeaderMonthCounts},
 * {@link PipelineMonthCounts}): mark the facts counted, then add them to their keys' rows.
 */
final class Folds {

  private Folds() {}

  /**
   * Marks the rows of {@code table} whose {@code key} is one of {@code ids}, each only if {@code
   * mark} is not set yet, setting {@code marking}; answers for each id whether this marked it (1)
   * or another had (0). The ids are marked in the order given: the same in every folder, should two
   * ever run at once.
   */
  static int[] mark(
      Connection connection, String table, String key, String mark, String marking, List<UUID> ids)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "update " + table + " set " + marking + " where " + key + " = ? and not " + mark)) {
      for (UUID id : ids) {
        update.setObject(1, id);
        update.addBatch();
      }
      return update.executeBatch();
    }
  }

  /**
   * Adds each key's counts to its row of {@code table} ({@code keys} its key columns, {@code
   * columns} its counts, in the order of the values given): a row there is updated, a row missing
   * is inserted.
   */
  static void add(
      Connection connection,
      String table,
      List<String> keys,
      List<String> columns,
      Map<List<Object>, long[]> counts)
      throws SQLException {
    add(
        connection,
        table,
        keys,
        columns,
        columns.stream().map(c -> c + " = " + c + " + ?").toList(),
        counts);
  }

  /**
   * As {@link #add(Connection, String, List, List, Map)}, each column updated by its {@code
   * assignments} entry (with one parameter, its value).
   */
  static void add(
      Connection connection,
      String table,
      List<String> keys,
      List<String> columns,
      List<String> assignments,
      Map<List<Object>, long[]> counts)
      throws SQLException {
    List<List<Object>> folded = new ArrayList<>(counts.keySet());
    List<List<Object>> missing = new ArrayList<>();
    try (PreparedStatement update =
        connection.prepareStatement(
            "update "
                + table
                + " set "
                + String.join(", ", assignments)
                + " where "
                + keys.stream().map(k -> k + " = ?").collect(Collectors.joining(" and ")))) {
      for (List<Object> key : folded) {
        bind(update, 1, counts.get(key), key);
        update.addBatch();
      }
      int[] updated = update.executeBatch();
      for (int i = 0; i < updated.length; i++) {
        if (updated[i] == 0) {
          missing.add(folded.get(i));
        }
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into "
                + table
                + " ("
                + String.join(", ", columns)
                + ", "
                + String.join(", ", keys)
                + ") values ("
                + String.join(", ", Collections.nCopies(columns.size() + keys.size(), "?"))
                + ")")) {
      for (List<Object> key : missing) {
        bind(insert, 1, counts.get(key), key);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** Binds the counts, then the key's values, from parameter {@code first} on. */
  private static void bind(PreparedStatement statement, int first, long[] values, List<Object> key)
      throws SQLException {
    for (int i = 0; i < values.length; i++) {
      statement.setLong(first + i, values[i]);
    }
    for (int i = 0; i < key.size(); i++) {
      statement.setObject(first + values.length + i, key.get(i));
    }
  }
}
