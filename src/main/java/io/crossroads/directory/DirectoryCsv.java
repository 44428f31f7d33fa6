package io.crossroads.directory;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an HRIS export: one person per line, a header naming the columns. Every problem is reported
 * with its line and column; nothing is thrown for bad data.
 *
 * <p>Columns: {@code username, displayName, email, division, level, timeZone} (required), {@code
 * title, manager} (a user name), {@code leader, hr, active} ({@code true/false}), {@code movedOn}
 * (the date a division change took effect), {@code hiredOn} and {@code leftOn} (the days the person
 * joined and left the company; a leaving day on or before the import day makes them inactive).
 */
public final class DirectoryCsv {

  public static final int MAX_ERRORS = 1000;
  static final Set<String> REQUIRED =
      Set.of("username", "displayName", "email", "division", "level", "timeZone");
  static final Set<String> OPTIONAL =
      Set.of("title", "manager", "leader", "hr", "active", "movedOn", "hiredOn", "leftOn");
  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** A valid line: what the directory should say about one person. */
  public record Row(
      int line,
      String username,
      String displayName,
      String email,
      String division,
      String title,
      int level,
      String manager,
      ZoneId timeZone,
      boolean leader,
      boolean hr,
      boolean active,
      LocalDate movedOn,
      LocalDate hiredOn,
      LocalDate leftOn) {

    /**
     * Whether the line says the person is gone on {@code day}: marked inactive, or left by then.
     */
    public boolean leftBy(LocalDate day) {
      return !active || (leftOn != null && !leftOn.isAfter(day));
    }
  }

  public record RowError(int line, String field, String message) {}

  public record Parsed(List<Row> rows, List<RowError> errors, int lines) {
    public boolean valid() {
      return errors.isEmpty();
    }
  }

  private DirectoryCsv() {}

  public static Parsed parse(Reader reader) {
    List<Row> rows = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    CSVParser parser;
    try {
      parser = CSVParser.builder().setReader(withoutByteOrderMark(reader)).setFormat(format).get();
    } catch (IllegalArgumentException unnamed) {
      return new Parsed(
          List.of(),
          List.of(
              new RowError(
                  1,
                  null,
                  "a column of the header has no name (an empty field, or a comma at the end of"
                      + " the line)")),
          1);
    } catch (IOException | UncheckedIOException | IllegalStateException malformed) {
      return new Parsed(List.of(), List.of(unreadable(1)), 1);
    }
    int lines = 0;
    try (parser) {
      Map<String, Integer> header = new HashMap<>();
      Set<String> named = new HashSet<>();
      for (String name : parser.getHeaderNames()) {
        if (!named.add(name.strip())) {
          errors.add(new RowError(1, name.strip(), "the header names this column twice"));
        }
      }
      parser.getHeaderMap().forEach((name, index) -> header.put(name.strip(), index));
      for (String required : REQUIRED) {
        if (!header.containsKey(required)) {
          errors.add(new RowError(1, required, "the header has no column " + required));
        }
      }
      for (String name : header.keySet()) {
        if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
          errors.add(
              new RowError(
                  1, name, "unknown column; expected " + REQUIRED + " and optionally " + OPTIONAL));
        }
      }
      if (!errors.isEmpty()) {
        return new Parsed(List.of(), errors, 1);
      }
      Map<String, Integer> seen = new HashMap<>();
      lines = (int) parser.getCurrentLineNumber();
      for (CSVRecord record : parser) {
        int line = (int) parser.getCurrentLineNumber();
        lines = line;
        Line fields = new Line(record, header, line, errors);
        Row row = fields.row();
        if (row != null) {
          Integer first = seen.putIfAbsent(row.username(), line);
          if (first != null) {
            errors.add(
                new RowError(line, "username", row.username() + " is already on line " + first));
          } else {
            rows.add(row);
          }
        }
        if (errors.size() >= MAX_ERRORS) {
          errors.add(new RowError(line, null, "stopped after " + MAX_ERRORS + " errors"));
          break;
        }
      }
    } catch (IOException
        | UncheckedIOException
        | IllegalStateException
        | IllegalArgumentException malformed) {
      // The parser's own words name its internals; the line and what to look for are enough.
      errors.add(unreadable(lines + 1));
    }
    return new Parsed(rows, errors, lines);
  }

  private static RowError unreadable(int line) {
    return new RowError(
        line,
        null,
        "not readable as CSV from this line on: a field that starts with a quote must end with"
            + " one, and a quote inside it is written twice");
  }

  /**
   * A spreadsheet's "CSV UTF-8" starts with a byte order mark, which is no part of the first
   * column's name.
   */
  private static Reader withoutByteOrderMark(Reader reader) throws IOException {
    PushbackReader in = new PushbackReader(reader, 1);
    int first = in.read();
    if (first != -1 && first != '\uFEFF') {
      in.unread(first);
    }
    return in;
  }

  /** One record's fields, checked one by one. */
  private static final class Line {
    private final CSVRecord record;
    private final Map<String, Integer> header;
    private final int line;
    private final List<RowError> errors;
    private boolean bad;

    Line(CSVRecord record, Map<String, Integer> header, int line, List<RowError> errors) {
      this.record = record;
      this.header = header;
      this.line = line;
      this.errors = errors;
    }

    Row row() {
      if (!record.isConsistent()) {
        errors.add(
            new RowError(
                line, null, "has " + record.size() + " fields; the header has " + header.size()));
        return null;
      }
      String username = text("username", 100, true);
      if (username != null) {
        username = username.toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
          error("username", "letters, digits, dots, dashes and underscores only");
        }
      }
      String displayName = text("displayName", 200, true);
      String email = text("email", 254, true);
      if (email != null && !EMAIL.matcher(email).matches()) {
        error("email", "not an e-mail address");
      }
      String division = text("division", 100, true);
      String title = text("title", 200, false);
      int level = level();
      String manager = text("manager", 100, false);
      if (manager != null) {
        manager = manager.toLowerCase(Locale.ROOT);
        if (manager.equals(username)) {
          error("manager", "a person cannot be their own manager");
        }
      }
      ZoneId zone = zone();
      boolean leader = flag("leader", false);
      boolean hr = flag("hr", false);
      boolean active = flag("active", true);
      LocalDate movedOn = date("movedOn");
      LocalDate hiredOn = date("hiredOn");
      LocalDate leftOn = date("leftOn");
      if (hiredOn != null && leftOn != null && leftOn.isBefore(hiredOn)) {
        error("leftOn", "the leaving day " + leftOn + " is before the hiring day " + hiredOn);
      }
      return bad
          ? null
          : new Row(
              line,
              username,
              displayName,
              email,
              division,
              title == null ? "" : title,
              level,
              manager,
              zone,
              leader,
              hr,
              active,
              movedOn,
              hiredOn,
              leftOn);
    }

    private String value(String column) {
      Integer index = header.get(column);
      if (index == null) {
        return null;
      }
      String value = record.get(index);
      return value == null || value.isBlank() ? null : value.strip();
    }

    private String text(String column, int max, boolean required) {
      String value = value(column);
      if (value == null) {
        if (required) {
          error(column, "is required");
        }
        return null;
      }
      if (value.length() > max) {
        error(column, "at most " + max + " characters");
      }
      return value;
    }

    private int level() {
      String value = value("level");
      if (value == null) {
        error("level", "is required");
        return 0;
      }
      try {
        int level = Integer.parseInt(value);
        if (level < 1 || level > 15) {
          error("level", "between 1 and 15");
        }
        return level;
      } catch (NumberFormatException notANumber) {
        error("level", "not a whole number: " + value);
        return 0;
      }
    }

    private ZoneId zone() {
      String value = value("timeZone");
      if (value == null) {
        error("timeZone", "is required");
        return null;
      }
      try {
        return ZoneId.of(value);
      } catch (DateTimeException unknown) {
        error("timeZone", "not an IANA time zone: " + value);
        return null;
      }
    }

    private boolean flag(String column, boolean otherwise) {
      String value = value(column);
      if (value == null) {
        return otherwise;
      }
      switch (value.toLowerCase(Locale.ROOT)) {
        case "true", "yes", "1" -> {
          return true;
        }
        case "false", "no", "0" -> {
          return false;
        }
        default -> {
          error(column, "true or false, not " + value);
          return otherwise;
        }
      }
    }

    private LocalDate date(String column) {
      String value = value(column);
      if (value == null) {
        return null;
      }
      try {
        return LocalDate.parse(value);
      } catch (DateTimeException notADate) {
        error(column, "a date as YYYY-MM-DD, not " + value);
        return null;
      }
    }

    private void error(String field, String message) {
      bad = true;
      errors.add(new RowError(line, field, message));
    }
  }
}
