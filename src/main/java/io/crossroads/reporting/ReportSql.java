package io.crossroads.reporting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One report query: SQL with {@code :name} parameters bound by name, run on the report's
 * connection. Days are read in UTC: the connection's session time zone is set to UTC first, so a
 * {@code cast(… as date)} of an instant is its UTC day on H2 and PostgreSQL alike.
 */
final class ReportSql {

  /**
   * Who was in which division on which days ({@code valid_from} included, {@code valid_to} not),
   * from the current division and the internal moves (docs/METRICS.md, "Division at the time").
   */
  static final String SPANS =
      "span as ("
          + " select m.person_id, m.from_division as division_id,"
          + "  coalesce(lag(m.moved_on) over (partition by m.person_id"
          + "   order by m.moved_on, m.recorded_at, m.id), date '0001-01-01') as valid_from,"
          + "  m.moved_on as valid_to"
          + " from internal_move m"
          + " union all"
          + " select p.id, p.division_id, coalesce(l.last_move, date '0001-01-01'),"
          + "  date '9999-12-31'"
          + " from person p left join (select person_id, max(moved_on) as last_move"
          + "  from internal_move group by person_id) l on l.person_id = p.id)";

  /** Employed on at least one day of [:from, :to]; inactive without a leaving day never. */
  static final String EMPLOYED_IN_PERIOD =
      "(p.hired_on is null or p.hired_on <= :to)"
          + " and (p.left_on is null or p.left_on >= :from)"
          + " and (p.active = true or p.left_on is not null)";

  private static final Pattern NAME = Pattern.compile(":([a-zA-Z][a-zA-Z0-9]*)");

  private final Connection connection;
  private final Map<String, Object> values = new HashMap<>();

  private ReportSql(Connection connection) {
    this.connection = connection;
  }

  /** Readies the connection: UTC days for the rest of this transaction. */
  static ReportSql on(Connection connection) throws SQLException {
    boolean postgres =
        connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    try (var statement = connection.createStatement()) {
      statement.execute(postgres ? "set local time zone 'UTC'" : "set time zone 'UTC'");
    }
    return new ReportSql(connection);
  }

  ReportSql bind(String name, Object value) {
    values.put(name, value);
    return this;
  }

  /** Binds the filter's period and division as :start, :end, :from, :to and :division. */
  ReportSql period(ReportFilter filter) {
    return bind("start", OffsetDateTime.ofInstant(filter.start(), ZoneOffset.UTC))
        .bind("end", OffsetDateTime.ofInstant(filter.end(), ZoneOffset.UTC))
        .bind("from", filter.from())
        .bind("to", filter.to())
        .bind("division", filter.divisionId());
  }

  /** Every row, each as an array of its columns. */
  List<Object[]> rows(String sql) throws SQLException {
    List<String> order = new ArrayList<>();
    Matcher names = NAME.matcher(sql);
    StringBuilder jdbc = new StringBuilder();
    while (names.find()) {
      if (!values.containsKey(names.group(1))) {
        throw new IllegalArgumentException("unbound :" + names.group(1));
      }
      order.add(names.group(1));
      names.appendReplacement(jdbc, "?");
    }
    names.appendTail(jdbc);
    try (PreparedStatement statement = connection.prepareStatement(jdbc.toString())) {
      for (int i = 0; i < order.size(); i++) {
        Object value = values.get(order.get(i));
        if (value == null) {
          statement.setNull(i + 1, java.sql.Types.OTHER);
        } else {
          statement.setObject(i + 1, value);
        }
      }
      try (ResultSet result = statement.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        List<Object[]> rows = new ArrayList<>();
        while (result.next()) {
          Object[] row = new Object[columns];
          for (int c = 0; c < columns; c++) {
            row[c] = result.getObject(c + 1);
          }
          rows.add(row);
        }
        return rows;
      }
    }
  }

  Object[] row(String sql) throws SQLException {
    return rows(sql).get(0);
  }

  static long num(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  static UUID uuid(Object value) {
    return value instanceof UUID id ? id : UUID.fromString(value.toString());
  }

  static LocalDate day(Object value) {
    if (value instanceof LocalDate day) {
      return day;
    }
    return ((java.sql.Date) value).toLocalDate();
  }
}
