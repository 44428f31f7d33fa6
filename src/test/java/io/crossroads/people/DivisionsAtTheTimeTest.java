package io.crossroads.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossroads.platform.persistence.DatabaseMigration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The division someone was in on a day, looked up for one row, agrees with the spans the reports
 * build from every move, for people who moved often, twice on one day, or on a day still to come;
 * stamps are written for rows without one and forgotten for the people whose moves changed.
 */
class DivisionsAtTheTimeTest {

  static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
  static final int DAYS = 400;

  JdbcDataSource data;
  Connection db;
  final List<UUID> divisions = new ArrayList<>();
  final List<UUID> people = new ArrayList<>();

  @BeforeEach
  void organisation() throws SQLException {
    data = new JdbcDataSource();
    data.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    data.setUser("sa");
    DatabaseMigration.migrateSchema(data);
    db = data.getConnection();
    try (Statement s = db.createStatement()) {
      s.execute("set time zone 'UTC'");
    }
    for (int d = 0; d < 4; d++) {
      UUID id = UUID.randomUUID();
      divisions.add(id);
      update("insert into division (id, name) values (?, ?)", id, "Division " + d);
    }
    Random random = new Random(7);
    for (int p = 0; p < 60; p++) {
      UUID id = UUID.randomUUID();
      people.add(id);
      UUID division = divisions.get(random.nextInt(divisions.size()));
      List<Object[]> moves = new ArrayList<>();
      LocalDate day = FIRST.plusDays(random.nextInt(40));
      for (int m = random.nextInt(5); m > 0; m--) {
        UUID to = divisions.get(random.nextInt(divisions.size()));
        moves.add(new Object[] {division, to, day});
        division = to;
        // Sometimes two moves on one day; the last ones may lie in the future.
        day = day.plusDays(random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(150));
      }
      update(
          "insert into person (id, username, display_name, email, division_id, title, level,"
              + " time_zone, leader, hr, active) values (?, ?, ?, ?, ?, 'Analyst', 3, 'UTC',"
              + " false, false, true)",
          id,
          "p" + p,
          "P " + p,
          "p" + p + "@example.com",
          division);
      int order = 0;
      for (Object[] move : moves) {
        update(
            "insert into internal_move (id, person_id, from_division, to_division, moved_on,"
                + " recorded_at) values (?, ?, ?, ?, ?, ?)",
            UUID.randomUUID(),
            id,
            move[0],
            move[1],
            move[2],
            OffsetDateTime.of(2025, 1, 1, 0, 0, order++, 0, ZoneOffset.UTC));
      }
    }
  }

  @AfterEach
  void close() throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("shutdown");
    }
  }

  @Test
  void theDivisionOnADayIsTheOneItsSpanCoversForEveryPersonAndDay() throws SQLException {
    Map<String, UUID> spans = new HashMap<>();
    try (Statement s = db.createStatement();
        ResultSet r =
            s.executeQuery(
                "with "
                    + DivisionsAtTheTime.spans("true")
                    + ", day_list as (select cast(dateadd(day, x - 1, date '"
                    + FIRST
                    + "') as date) as d from system_range(1, "
                    + DAYS
                    + "))"
                    + " select s.person_id, dl.d, s.division_id from span s"
                    + " join day_list dl on dl.d >= s.valid_from and dl.d < s.valid_to")) {
      while (r.next()) {
        String key = r.getObject(1) + " " + r.getObject(2, LocalDate.class);
        assertThat(spans.put(key, r.getObject(3, UUID.class)))
            .as("one span covers " + key)
            .isNull();
      }
    }
    int compared = 0;
    try (PreparedStatement lookup =
        db.prepareStatement(
            "select "
                + DivisionsAtTheTime.on("cast(? as uuid)", "cast(? as date)")
                + " from (values (1)) v")) {
      for (UUID person : people) {
        for (int d = 0; d < DAYS; d += 3) {
          LocalDate day = FIRST.plusDays(d);
          lookup.setObject(1, person);
          lookup.setObject(2, day);
          lookup.setObject(3, person);
          try (ResultSet r = lookup.executeQuery()) {
            r.next();
            assertThat(r.getObject(1, UUID.class))
                .as(person + " on " + day)
                .isEqualTo(spans.get(person + " " + day));
            compared++;
          }
        }
      }
    }
    assertThat(compared).isEqualTo(people.size() * ((DAYS + 2) / 3));
  }

  @Test
  void rowsAreStampedOnceAndAMoversStampsAreForgottenAndStampedAgain() throws SQLException {
    // Everyone met everyone next in line on a day of the year.
    for (int p = 0; p < people.size(); p++) {
      update(
          "insert into contact (employee_id, person_id, cadence_days, met_at, next_due_at,"
              + " stopped, touches_due, touches_on_time, version)"
              + " values (?, ?, 30, ?, ?, false, 0, 0, 0)",
          people.get(p),
          people.get((p + 1) % people.size()),
          OffsetDateTime.of(2025, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC).plusDays(p * 5L),
          OffsetDateTime.of(2026, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC));
    }
    assertThat(stampSome(25)).as("a batch stamps at most its size").isEqualTo(25);
    assertThat(stampSome(1000)).isEqualTo(people.size() - 25);
    assertThat(stampSome(1000)).as("nothing is stamped twice").isZero();
    assertThat(contactsStampedAsLookedUp()).isEqualTo(people.size());

    DivisionsAtTheTime.forget(db, List.of(people.get(3)));
    assertThat(count("select count(*) from contact where employee_division_id is null"))
        .as("only the mover's rows lose their stamp")
        .isEqualTo(1);
    assertThat(stampSome(1000)).isEqualTo(1);
    assertThat(contactsStampedAsLookedUp()).isEqualTo(people.size());
  }

  private int stampSome(int limit) throws SQLException {
    return DivisionsAtTheTime.stamp(db, limit);
  }

  /** Contacts whose stamp is the division the lookup gives for their day. */
  private long contactsStampedAsLookedUp() throws SQLException {
    return count(
        "select count(*) from contact c where c.employee_division_id = "
            + DivisionsAtTheTime.on("c.employee_id", "cast(c.met_at as date)"));
  }

  private long count(String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private void update(String sql, Object... values) throws SQLException {
    try (PreparedStatement s = db.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      s.executeUpdate();
    }
  }
}
