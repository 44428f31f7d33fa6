package io.crossroads.reporting;

import static java.util.stream.Collectors.joining;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Each leader's calendar months (UTC) as counts: the requests they received, the interviews they
 * accepted and the interviews they held. The leaders report adds up a year of them instead of
 * reading every request and interview. None of these changes once it happened (a request's leader
 * and the time it was sent, an interview's leader and the time it was booked, a held interview's
 * start: a held interview is closed), so each is folded in once and marked counted in the same
 * transaction; a report adds what is not counted yet ({@link Kind#uncounted}) to the counts, and is
 * exact before the job has run.
 */
public final class LeaderMonthCounts {

  /** What is counted, where it is read and how it is marked. */
  public enum Kind {
    REQUESTS("interview_request", "created_at", "counted", "", "requests"),
    ACCEPTED("interview", "created_at", "counted", "", "accepted"),
    HELD("interview", "start_at", "held_counted", " and %1$s.status = 'HELD'", "held");

    private final String table;
    private final String at;
    private final String mark;
    private final String condition;
    private final String column;

    Kind(String table, String at, String mark, String condition, String column) {
      this.table = table;
      this.at = at;
      this.mark = mark;
      this.condition = condition;
      this.column = column;
    }

    /** The condition, on {@code alias}'s row, of a row of this kind not counted yet. */
    String uncounted(String alias) {
      return alias + "." + mark + " = false" + condition.formatted(alias);
    }

    /** The row's instant that names its month, on {@code alias}'s row. */
    String at(String alias) {
      return alias + "." + at;
    }

    /** The table the rows are in. */
    String table() {
      return table;
    }

    /** Rows of this kind not yet counted, as a query of one number. */
    public String uncountedQuery() {
      return "select count(*) from " + table + " t where " + uncounted("t");
    }
  }

  private LeaderMonthCounts() {}

  /**
   * Folds up to {@code limit} uncounted rows of each kind into the counts and marks them counted;
   * returns the most rows read of any kind. Runs in the caller's transaction (the job's, after the
   * stamping lock, so instances take turns); a row is counted only by the transaction that marks
   * it.
   */
  public static int fold(Connection connection, int limit) throws SQLException {
    int most = 0;
    for (Kind kind : Kind.values()) {
      most = Math.max(most, fold(connection, kind, limit));
    }
    return most;
  }

  /** Folds up to {@code limit} uncounted rows of {@code kind}; returns how many were read. */
  public static int fold(Connection connection, Kind kind, int limit) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "select t.id, t.leader_id, "
                + kind.at("t")
                + " from "
                + kind.table
                + " t where "
                + kind.uncounted("t")
                + " fetch first "
                + limit
                + " rows only")) {
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          YearMonth month =
              YearMonth.from(
                  result.getObject(3, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC));
          rows.add(
              new Row(
                  result.getObject(1, UUID.class),
                  new Key(result.getObject(2, UUID.class), month.toString())));
        }
      }
    }
    if (rows.isEmpty()) {
      return 0;
    }
    // Marked first, each only if still uncounted, in the order of their ids (the same in every
    // folder, should two ever run at once): a row another folder marked meanwhile is left to its
    // counts.
    rows.sort(Comparator.comparing(Row::id));
    Map<Key, Long> counts = new HashMap<>();
    try (PreparedStatement mark =
        connection.prepareStatement(
            "update "
                + kind.table
                + " set "
                + kind.mark
                + " = true where id = ? and "
                + kind.mark
                + " = false")) {
      for (Row row : rows) {
        mark.setObject(1, row.id());
        mark.addBatch();
      }
      int[] marked = mark.executeBatch();
      for (int i = 0; i < marked.length; i++) {
        if (marked[i] == 1) {
          counts.merge(rows.get(i).key(), 1L, Long::sum);
        }
      }
    }
    List<Key> folded = new ArrayList<>(counts.keySet());
    List<Key> missing = new ArrayList<>();
    try (PreparedStatement add =
        connection.prepareStatement(
            "update leader_month_request set "
                + kind.column
                + " = "
                + kind.column
                + " + ? where leader_id = ? and period = ?")) {
      for (Key key : folded) {
        add.setLong(1, counts.get(key));
        add.setObject(2, key.leader());
        add.setString(3, key.month());
        add.addBatch();
      }
      int[] updated = add.executeBatch();
      for (int i = 0; i < updated.length; i++) {
        if (updated[i] == 0) {
          missing.add(folded.get(i));
        }
      }
    }
    if (!missing.isEmpty()) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "insert into leader_month_request (leader_id, period, "
                  + Arrays.stream(Kind.values()).map(k -> k.column).collect(joining(", "))
                  + ") values (?, ?, ?, ?, ?)")) {
        for (Key key : missing) {
          insert.setObject(1, key.leader());
          insert.setString(2, key.month());
          for (Kind column : Kind.values()) {
            insert.setLong(3 + column.ordinal(), column == kind ? counts.get(key) : 0);
          }
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
    return rows.size();
  }

  private record Key(UUID leader, String month) {}

  private record Row(UUID id, Key key) {}
}
