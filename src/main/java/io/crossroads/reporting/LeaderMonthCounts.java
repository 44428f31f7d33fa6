package io.crossroads.reporting;

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
    int[] marked =
        Folds.mark(
            connection,
            kind.table,
            "id",
            kind.mark,
            kind.mark + " = true",
            rows.stream().map(Row::id).toList());
    Map<List<Object>, long[]> counts = new HashMap<>();
    for (int i = 0; i < marked.length; i++) {
      if (marked[i] == 1) {
        Key key = rows.get(i).key();
        counts
            .computeIfAbsent(
                List.of(key.leader(), key.month()), k -> new long[Kind.values().length])[
            kind.ordinal()]++;
      }
    }
    Folds.add(
        connection,
        "leader_month_request",
        List.of("leader_id", "period"),
        Arrays.stream(Kind.values()).map(k -> k.column).toList(),
        counts);
    return rows.size();
  }

  private record Key(UUID leader, String month) {}

  private record Row(UUID id, Key key) {}
}
