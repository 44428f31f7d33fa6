package io.crossroads.people;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Which division someone was in on a given day (docs/METRICS.md, "Division at the time"), from
 * their current division and the internal moves the directory recorded: until a move's day, the
 * division it left; from the last move on, the current one.
 *
 * <p>The rows the reports group by division keep the division of their person on their day, so a
 * report reads a column instead of working the moves out for hundreds of thousands of rows: a
 * request its requester's on the day it was sent, an interview its employee's and its leader's on
 * the day it starts, a contact its employee's on the day they met. A stamp is written some time
 * after its row ({@link #stamp}) and is forgotten whenever it may have gone stale (a move recorded,
 * an interview moved); a report takes the stamp where there is one and works the division out where
 * there is none ({@link #of}), so both give the same answer.
 */
public final class DivisionsAtTheTime {

  /**
   * Who was in which division on which days ({@code valid_from} included, {@code valid_to} not), as
   * a common table expression named {@code span}, for the people {@code p} (a {@code person} row)
   * of whom {@code condition} holds: each person's current span is read with the person, not joined
   * to them again.
   */
  public static String spans(String condition) {
    return spans(condition, "left join");
  }

  /**
   * As {@link #spans(String)}, for the people who moved at least once only: who never moved was in
   * today's division all along.
   */
  public static String spansOfMovers(String condition) {
    return spans(condition, "join");
  }

  private static String spans(String condition, String join) {
    return "span as ("
        + " select s.person_id, s.division_id, s.valid_from, s.valid_to from ("
        + "  select m.person_id, m.from_division as division_id,"
        + "   coalesce(lag(m.moved_on) over (partition by m.person_id"
        + "    order by m.moved_on, m.recorded_at, m.id), date '0001-01-01') as valid_from,"
        + "   m.moved_on as valid_to"
        + "  from internal_move m) s"
        + " join person p on p.id = s.person_id where "
        + condition
        + " union all"
        + " select p.id, p.division_id, coalesce(l.last_move, date '0001-01-01'),"
        + "  date '9999-12-31'"
        + " from person p "
        + join
        + " (select person_id, max(moved_on) as last_move"
        + "  from internal_move group by person_id) l on l.person_id = p.id where "
        + condition
        + ")";
  }

  /** A stamped column: its table, the column, the person and the instant whose day it keeps. */
  private record Stamp(String table, String column, String person, String at) {

    String key() {
      return table.equals("contact") ? "employee_id, person_id" : "id";
    }
  }

  private static final Stamp REQUEST =
      new Stamp("interview_request", "requester_division_id", "requester_id", "created_at");
  private static final Stamp EMPLOYEE =
      new Stamp("interview", "employee_division_id", "employee_id", "start_at");
  private static final Stamp LEADER =
      new Stamp("interview", "leader_division_id", "leader_id", "start_at");
  private static final Stamp CONTACT =
      new Stamp("contact", "employee_division_id", "employee_id", "met_at");
  private static final List<Stamp> STAMPS = List.of(REQUEST, EMPLOYEE, LEADER, CONTACT);

  private DivisionsAtTheTime() {}

  /**
   * The division of {@code person} on {@code day} (SQL expressions of the row being read): the
   * division the first move after that day left, or the current one: the division of the span that
   * covers the day in {@link #spans}, moves on one day taken in the order they were recorded.
   */
  public static String on(String person, String day) {
    return on(person, day, "(select dp.division_id from person dp where dp.id = " + person + ")");
  }

  /**
   * The division on {@code day} of the person {@code p} being read (a {@code person} row's alias):
   * as {@link #on(String, String)}, the current one read from the row itself.
   */
  public static String ofPerson(String p, String day) {
    return on(p + ".id", day, p + ".division_id");
  }

  private static String on(String person, String day, String current) {
    return "coalesce((select dm.from_division from internal_move dm where dm.person_id = "
        + person
        + " and dm.moved_on > "
        + day
        + " order by dm.moved_on, dm.recorded_at, dm.id fetch first 1 row only), "
        + current
        + ")";
  }

  /** The requester's division on the day the request {@code r} was sent. */
  public static String ofRequest(String r) {
    return of(r, REQUEST);
  }

  /** The employee's division on the day the interview {@code i} starts. */
  public static String ofEmployee(String i) {
    return of(i, EMPLOYEE);
  }

  /** The leader's division on the day the interview {@code i} starts. */
  public static String ofLeader(String i) {
    return of(i, LEADER);
  }

  /** The employee's division on the day they met the person of contact {@code c}. */
  public static String ofContact(String c) {
    return of(c, CONTACT);
  }

  /**
   * A row's stamp where it has one, else the division worked out, in a connection whose days are
   * UTC days.
   */
  private static String of(String row, Stamp stamp) {
    return "coalesce("
        + row
        + "."
        + stamp.column()
        + ", "
        + on(row + "." + stamp.person(), "cast(" + row + "." + stamp.at() + " as date)")
        + ")";
  }

  /**
   * Stamps up to {@code limit} unstamped rows of each kind, in the caller's transaction; returns
   * how many it stamped. The connection's session time zone must be UTC (the days are UTC days).
   */
  public static int stamp(Connection connection, int limit) throws SQLException {
    lock(connection);
    int stamped = 0;
    for (Stamp stamp : STAMPS) {
      String table = stamp.table();
      try (PreparedStatement update =
          connection.prepareStatement(
              "update "
                  + table
                  + " t set "
                  + stamp.column()
                  + " = "
                  + on("t." + stamp.person(), "cast(t." + stamp.at() + " as date)")
                  + " where ("
                  + stamp.key()
                  + ") in (select "
                  + stamp.key()
                  + " from "
                  + table
                  + " where "
                  + stamp.column()
                  + " is null fetch first "
                  + limit
                  + " rows only)")) {
        stamped += update.executeUpdate();
      }
    }
    return stamped;
  }

  /**
   * Takes the stamping lock until the transaction ends. Stamping takes it before reading the moves
   * and an import after recording them, so either the stamps see the new moves or the import
   * forgets the stamps written from the old ones.
   */
  private static void lock(Connection connection) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("select id from division_stamping where id = 1 for update")) {
      statement.executeQuery().close();
    }
  }

  /**
   * Forgets the stamps of these people's rows, in the transaction that recorded their moves: the
   * days a move changed are worked out again until the rows are stamped anew.
   */
  public static void forget(Connection connection, Collection<UUID> people) throws SQLException {
    if (people.isEmpty()) {
      return;
    }
    lock(connection);
    for (Stamp stamp : STAMPS) {
      try (PreparedStatement update =
          connection.prepareStatement(
              "update "
                  + stamp.table()
                  + " set "
                  + stamp.column()
                  + " = null where "
                  + stamp.person()
                  + " = ? and "
                  + stamp.column()
                  + " is not null")) {
        for (UUID person : people) {
          update.setObject(1, person);
          update.addBatch();
        }
        update.executeBatch();
      }
    }
    // The pipeline's counts are kept by the requests' stamps (reporting's PipelineMonthCounts):
    // these people's counts and the marks of what was counted in them go with the stamps, and the
    // reports' job counts it all again under the stamps it writes anew.
    for (String forget : FORGET_COUNTS) {
      try (PreparedStatement update = connection.prepareStatement(forget)) {
        for (UUID person : people) {
          update.setObject(1, person);
          update.addBatch();
        }
        update.executeBatch();
      }
    }
  }

  /** The interviews of one employee's requests. */
  private static final String INTERVIEWS_OF =
      "select i.id from interview i join interview_request r on r.id = i.request_id"
          + " where r.requester_id = ?";

  /** The names given in the interviews of one employee's requests. */
  private static final String NAMES_OF =
      "select f.id from referral f join interview i on i.id = f.interview_id"
          + " join interview_request r on r.id = i.request_id where r.requester_id = ?";

  /**
   * The pipeline's counts of one employee's requests forgotten, with the marks of everything
   * counted in them: their requests, interviews, thank-yous and names, and the requests citing
   * those names.
   */
  private static final List<String> FORGET_COUNTS =
      List.of(
          // Their divisions' months are counted again: bits cannot take a person out.
          "update pipeline_division_month set recount = true where not recount and exists"
              + " (select 1 from pipeline_month m where m.employee_id = ?"
              + " and m.division_id = pipeline_division_month.division_id"
              + " and m.period = pipeline_division_month.period)",
          "delete from pipeline_month where employee_id = ?",
          "update interview_request set sent_counted = false, answer_counted = false,"
              + " expiry_counted = false, counted_division_id = null where requester_id = ?"
              + " and (sent_counted or answer_counted or expiry_counted)",
          "update interview set booking_counted = false, outcome_counted = false,"
              + " named_counted = false where id in ("
              + INTERVIEWS_OF
              + ") and (booking_counted or outcome_counted or named_counted)",
          "update thank_you set counted = false where counted and interview_id in ("
              + INTERVIEWS_OF
              + ")",
          "update referral set counted = false, followed_counted = false, held_counted = false"
              + " where id in ("
              + NAMES_OF
              + ") and (counted or followed_counted or held_counted)",
          "update interview_request set cite_counted = false, cite_held_counted = false"
              + " where referral_id in ("
              + NAMES_OF
              + ") and (cite_counted or cite_held_counted)");

  /** Forgets the stamps of an interview moved to another day, in the transaction that moves it. */
  public static void forgetInterview(Connection connection, UUID interview) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "update interview set employee_division_id = null, leader_division_id = null"
                + " where id = ?")) {
      update.setObject(1, interview);
      update.executeUpdate();
    }
  }
}
