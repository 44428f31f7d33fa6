package io.crossroads.reporting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The pipeline's counts of each division's month: its employees' months ({@link
 * PipelineMonthCounts}) added up, with the people behind each figure as 64 bits, one set per person
 * by a hash of their id ({@link ReportSql#personBit}, as {@link Headcounts} reads them). A year of
 * a division is twelve rows. The job adds to a division's month what it adds to its employees'
 * months; a recorded move takes counts out of employees' months, which bits cannot follow, so the
 * rows it touched are marked for recounting ({@code recount}): a report reads those months from the
 * employees' rows until the job has counted them again ({@link #recount}).
 */
public final class PipelineDivisionMonths {

  /**
   * The figures whose people are kept as bits: all but the requests sent, whose people are anyone
   * with a count, and the interviews that gave names, whose people are those who gave names.
   */
  static final List<String> COUNTED =
      PipelineMonthCounts.FIGURES.stream()
          .filter(figure -> !figure.equals("sent") && !figure.equals("named"))
          .toList();

  /**
   * The bit columns, in the order {@link #bits} answers them: anyone with a count ({@code
   * people_bits}), those with a held or a missed interview, then each of the {@link #COUNTED}.
   */
  static final List<String> BIT_COLUMNS =
      Stream.concat(Stream.of("people", "held_or_no_show"), COUNTED.stream())
          .map(name -> name + "_bits")
          .toList();

  /** Every count column, in the order of the values given to {@link #add}: figures, then bits. */
  private static final List<String> COLUMNS =
      Stream.concat(PipelineMonthCounts.FIGURES.stream(), BIT_COLUMNS.stream()).toList();

  private PipelineDivisionMonths() {}

  /**
   * Adds one employee's counts of a month ({@code figures}) to their division's month ({@code key})
   * in {@code divisions}: the counts, and the employee's {@code bit} in each bit column whose
   * people they are among.
   */
  static void employee(
      Map<List<Object>, long[]> divisions, List<Object> key, long[] figures, long bit) {
    int size = PipelineMonthCounts.FIGURES.size();
    long[] adds = divisions.computeIfAbsent(key, k -> new long[COLUMNS.size()]);
    for (int f = 0; f < size; f++) {
      adds[f] += figures[f];
    }
    adds[size] |= bit;
    if (figures[held()] + figures[noShow()] > 0) {
      adds[size + 1] |= bit;
    }
    for (int c = 0; c < COUNTED.size(); c++) {
      if (figures[PipelineMonthCounts.FIGURES.indexOf(COUNTED.get(c))] > 0) {
        adds[size + 2 + c] |= bit;
      }
    }
  }

  /**
   * Says, on PostgreSQL, that this connection keeps the divisions' months with the employees' it
   * writes: a writer that does not say so marks the division's month it wrote for recounting (the
   * trigger of {@code V26_1}, for the version before during a rolling upgrade). For the session.
   */
  static void keep(Connection connection) throws SQLException {
    if (ReportSql.of(connection).postgres()) {
      try (PreparedStatement set =
          connection.prepareStatement(
              "select set_config('crossroads.division_months', 'kept', false)")) {
        set.executeQuery().close();
      }
    }
  }

  /**
   * Adds to the divisions' months ({@code division_id}, {@code period}) what {@link #employee}
   * gathered.
   */
  static void add(Connection connection, Map<List<Object>, long[]> adds) throws SQLException {
    ReportSql sql = ReportSql.of(connection);
    int size = PipelineMonthCounts.FIGURES.size();
    List<String> assignments = new ArrayList<>();
    for (int i = 0; i < COLUMNS.size(); i++) {
      String column = COLUMNS.get(i);
      assignments.add(
          column + " = " + (i < size ? column + " + ?" : sql.bitOr(column, "cast(? as bigint)")));
    }
    Folds.add(
        connection,
        "pipeline_division_month",
        List.of("division_id", "period"),
        COLUMNS,
        assignments,
        adds);
  }

  /**
   * Counts up to {@code limit} divisions' months marked for recounting again from their employees'
   * months; answers how many.
   */
  public static int recount(Connection connection, int limit) throws SQLException {
    ReportSql sql = ReportSql.of(connection);
    List<List<Object>> marked = new ArrayList<>();
    try (PreparedStatement select =
            connection.prepareStatement(
                "select division_id, period from pipeline_division_month where recount"
                    + " order by division_id, period fetch first "
                    + limit
                    + " rows only");
        ResultSet result = select.executeQuery()) {
      while (result.next()) {
        marked.add(List.of(result.getObject(1, UUID.class), result.getString(2)));
      }
    }
    if (marked.isEmpty()) {
      return 0;
    }
    try (PreparedStatement delete =
            connection.prepareStatement(
                "delete from pipeline_division_month where division_id = ? and period = ?");
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into pipeline_division_month (division_id, period, "
                    + String.join(", ", COLUMNS)
                    + ") select division_id, period, "
                    + sums(sql, "m")
                    + " from pipeline_month m where m.division_id = ? and m.period = ?"
                    + " group by division_id, period")) {
      for (List<Object> key : marked) {
        for (PreparedStatement statement : List.of(delete, insert)) {
          statement.setObject(1, key.get(0));
          statement.setObject(2, key.get(1));
          statement.addBatch();
        }
      }
      delete.executeBatch();
      insert.executeBatch();
    }
    return marked.size();
  }

  /**
   * The {@link #COLUMNS} of a group of employees' months {@code m}: the figures summed, the bits
   * OR-ed.
   */
  private static String sums(ReportSql sql, String m) {
    return PipelineMonthCounts.FIGURES.stream()
            .map(f -> "sum(" + m + "." + f + ")")
            .collect(Collectors.joining(", "))
        + ", "
        + bits(sql, m, m + ".employee_id").stream()
            .map(b -> "bit_or(" + b + ")")
            .collect(Collectors.joining(", "));
  }

  /**
   * A row {@code m} of one employee's figures (their id {@code person}) as a division's: its
   * division, the figures and the employee's bits.
   */
  private static String employeeRow(ReportSql sql, String m, String person) {
    return m
        + ".division_id, "
        + PipelineMonthCounts.FIGURES.stream()
            .map(f -> m + "." + f)
            .collect(Collectors.joining(", "))
        + ", "
        + String.join(", ", bits(sql, m, person));
  }

  /**
   * An employee's bit in each of the {@link #BIT_COLUMNS} whose people they are among, for a row
   * {@code m} of their figures and their id {@code person}: SQL expressions.
   */
  private static List<String> bits(ReportSql sql, String m, String person) {
    String bit = sql.personBit(person);
    List<String> bits = new ArrayList<>();
    bits.add(bit);
    bits.add("case when " + m + ".held + " + m + ".no_show > 0 then " + bit + " else 0 end");
    for (String figure : COUNTED) {
      bits.add("case when " + m + "." + figure + " > 0 then " + bit + " else 0 end");
    }
    return bits;
  }

  /**
   * The period's divisions' months (whole months, {@code :firstMonth} to {@code :lastMonth}), as
   * rows of {@code division_id}, the figures and the {@link #BIT_COLUMNS}: those counted as they
   * are, those marked for recounting from their employees' months, one row each, and the facts not
   * counted yet ({@code uncounted}: rows of {@code requester_id}, {@code division_id} and the
   * figures), one row each.
   */
  static String facts(ReportSql sql, String uncounted) {
    String figures = String.join(", ", PipelineMonthCounts.FIGURES);
    return "select division_id, "
        + figures
        + ", "
        + String.join(", ", BIT_COLUMNS)
        + " from pipeline_division_month"
        + " where period >= :firstMonth and period <= :lastMonth and not recount"
        + " union all select "
        + employeeRow(sql, "m", "m.employee_id")
        + " from pipeline_division_month d join pipeline_month m"
        + " on m.division_id = d.division_id and m.period = d.period"
        + " where d.period >= :firstMonth and d.period <= :lastMonth and d.recount"
        + " union all select "
        + employeeRow(sql, "u", "u.requester_id")
        + " from ("
        + uncounted
        + ") u (requester_id, division_id, "
        + figures
        + ")";
  }

  private static int held() {
    return PipelineMonthCounts.FIGURES.indexOf("held");
  }

  private static int noShow() {
    return PipelineMonthCounts.FIGURES.indexOf("no_show");
  }
}
