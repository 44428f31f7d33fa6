package io.crossroads.reporting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One report query: SQL with {@code :name} parameters bound by name, run on the report's
 * connection. Days are read in UTC: the connection's session time zone is set to UTC first, so a
 * {@code cast(… as date)} of an instant is its UTC day on H2 and PostgreSQL alike.
 */
final class ReportSql {

  /**
   * Employed on at least one day of [:from, :to] (a leaving day is the first day no longer
   * employed); inactive without a leaving day never.
   */
  static final String EMPLOYED_IN_PERIOD =
      "(p.hired_on is null or p.hired_on <= :to)"
          + " and (p.left_on is null or p.left_on > :from)"
          + " and (p.active = true or p.left_on is not null)";

  private static final java.time.format.DateTimeFormatter INSTANT =
      java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

  private static final Pattern NAME = Pattern.compile(":([a-zA-Z][a-zA-Z0-9]*)");

  private final Connection connection;
  private final boolean postgres;
  private final Map<String, Object> values = new HashMap<>();

  private ReportSql(Connection connection, boolean postgres) {
    this.connection = connection;
    this.postgres = postgres;
  }

  /**
   * A bigint with one of its 64 bits set, chosen by a hash of the person id in {@code column}:
   * OR-ed over a group ({@code bit_or}), the bits set are a lower bound of its distinct people
   * ({@link Headcounts}).
   */
  String personBit(String column) {
    return postgres
        ? "(cast(1 as bigint) << (uuid_hash(" + column + ") & 63))"
        : "lshift(cast(1 as bigint), ora_hash(" + column + ", 63))";
  }

  /**
   * The seconds from the instant {@code from} to the instant {@code to}, as a double (PostgreSQL:
   * from the interval between them, cheaper than the decimal epoch of each instant).
   */
  String secondsBetween(String from, String to) {
    return postgres
        ? "date_part('epoch', " + to + " - " + from + ")"
        : "(extract(epoch from " + to + ") - extract(epoch from " + from + "))";
  }

  /**
   * {@code expression} as an integer column {@code name}. A count for one person, leader or month
   * fits an integer. PostgreSQL's sum of integers is a bigint, but its sum of bigints (what a
   * count, or a sum of integers, is) is a decimal, and so is every figure worked out from it: about
   * three times the work over the hundred thousand rows a report groups.
   */
  static String whole(String expression, String name) {
    return "cast(" + expression + " as integer) as " + name;
  }

  /** The sums of integer columns, each an integer named as its column ({@link #whole}). */
  static String wholeSums(String... columns) {
    return Arrays.stream(columns)
        .map(column -> whole("sum(" + column + ")", column))
        .collect(Collectors.joining(", "));
  }

  /** The number of bits set in a bigint expression. */
  String bitCount(String expression) {
    return postgres
        ? "bit_count(cast(" + expression + " as bit(64)))"
        : "bitcount(" + expression + ")";
  }

  /** The bitwise OR of two bigints. */
  String bitOr(String left, String right) {
    return postgres ? "(" + left + " | " + right + ")" : "bitor(" + left + ", " + right + ")";
  }

  /** The connection's SQL as it is, for the statements that read no days. */
  static ReportSql of(Connection connection) throws SQLException {
    return new ReportSql(connection, postgres(connection));
  }

  /** Whether the database is PostgreSQL (else H2). */
  boolean postgres() {
    return postgres;
  }

  private static boolean postgres(Connection connection) throws SQLException {
    return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
  }

  /** Readies the connection: UTC days for the rest of this transaction. */
  static ReportSql on(Connection connection) throws SQLException {
    boolean postgres = postgres(connection);
    try (var statement = connection.createStatement()) {
      statement.execute(postgres ? "set local time zone 'UTC'" : "set time zone 'UTC'");
      if (postgres) {
        // A report groups and sorts hundreds of thousands of rows: in memory, for this transaction.
        statement.execute("set local work_mem = '64MB'");
      }
    }
    return new ReportSql(connection, postgres);
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

  /**
   * Every row, each as an array of its columns. Days, months, instants and ids are written into the
   * statement as typed literals made from their Java values (never from text a caller gave), so
   * both databases plan with them, including inside common table expressions, where H2 2.2 does not
   * see parameters; anything else is bound as a parameter.
   */
  List<Object[]> rows(String sql) throws SQLException {
    List<Object> parameters = new ArrayList<>();
    Matcher names = NAME.matcher(sql);
    StringBuilder jdbc = new StringBuilder();
    while (names.find()) {
      if (!values.containsKey(names.group(1))) {
        throw new IllegalArgumentException("unbound :" + names.group(1));
      }
      Object value = values.get(names.group(1));
      String literal = literal(value);
      if (literal == null) {
        parameters.add(value);
        literal = "?";
      }
      names.appendReplacement(jdbc, Matcher.quoteReplacement(literal));
    }
    names.appendTail(jdbc);
    try (PreparedStatement statement = connection.prepareStatement(jdbc.toString())) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
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

  /** The SQL literal of a typed value, or null when it must be bound as a parameter. */
  private static String literal(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof LocalDate day) {
      return "date '" + day + "'";
    }
    if (value instanceof OffsetDateTime time) {
      return "timestamp with time zone '"
          + INSTANT.format(time.withOffsetSameInstant(ZoneOffset.UTC))
          + "+00:00'";
    }
    if (value instanceof UUID id) {
      return "'" + id + "'";
    }
    if (value instanceof YearMonth month) {
      return "'" + month + "'";
    }
    if (value instanceof Integer || value instanceof Long) {
      return value.toString();
    }
    return null;
  }

  Object[] row(String sql) throws SQLException {
    return rows(sql).get(0);
  }

  static long num(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  /** A UUID column as either database's driver hands it over (H2 may give its 16 bytes). */
  static UUID uuid(Object value) {
    if (value instanceof UUID id) {
      return id;
    }
    if (value instanceof byte[] bytes && bytes.length == 16) {
      java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
      return new UUID(buffer.getLong(), buffer.getLong());
    }
    return UUID.fromString(value.toString());
  }
}
