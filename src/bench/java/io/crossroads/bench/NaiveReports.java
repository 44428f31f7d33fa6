package io.crossroads.bench;

import io.crossroads.reporting.ReportFilter;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The baseline: each report's figures computed the direct way, by selecting the raw rows of the
 * period with plain JDBC and aggregating them in Java. No suppression (it costs the same on both
 * sides); the figures are returned for the cross-check against the reports.
 */
final class NaiveReports {

  private NaiveReports() {}

  /** The funnel's counts and distinct employees, stage by stage, and a few other figures. */
  record Pipeline(long[] counts, long[] people, long referralsGiven, long touchesDue) {}

  /** Held interviews by division pair, with row, column and grand totals. */
  record Flows(
      Map<List<UUID>, Long> cells, Map<UUID, Long> rows, Map<UUID, Long> columns, long total) {}

  record Leaders(
      long eligible,
      long accepting,
      long held,
      long interviews,
      long rankSum,
      long atCap,
      long requests) {}

  record Mobility(long[] moves, long[] retention, long into, long intoOf) {}

  /** Employees in the pool, those on the page (the first, by name) and their flags. */
  record TalentPool(int employees, int listed, int flags) {}

  // Pipeline

  static Pipeline pipeline(Connection c, ReportFilter filter) throws SQLException {
    Instant start = filter.start();
    Instant end = filter.end();
    Divisions divisions = filter.divisionId() == null ? null : Divisions.load(c);
    record Request(UUID id, UUID requester, String status, Instant created, Instant answered) {}
    List<Request> cohort = new ArrayList<>();
    for (Object[] r :
        select(
            c,
            "select id, requester_id, status, created_at, answered_at from interview_request"
                + " where created_at >= ? and created_at < ?",
            at(start),
            at(end))) {
      Request request =
          new Request(uuid(r[0]), uuid(r[1]), (String) r[2], instant(r[3]), instant(r[4]));
      if (divisions == null
          || filter
              .divisionId()
              .equals(divisions.on(request.requester(), day(request.created())))) {
        cohort.add(request);
      }
    }
    record Interview(UUID id, String status) {}
    Map<UUID, Interview> byRequest = new HashMap<>();
    for (Object[] r :
        select(
            c, "select id, request_id, status from interview where created_at >= ?", at(start))) {
      byRequest.put(uuid(r[1]), new Interview(uuid(r[0]), (String) r[2]));
    }
    Map<UUID, boolean[]> thanked = new HashMap<>();
    for (Object[] r :
        select(
            c,
            "select interview_id, interview_ended_at, sent_at from thank_you"
                + " where interview_ended_at >= ?",
            at(start))) {
      boolean onTime = !instant(r[2]).isAfter(instant(r[1]).plus(Duration.ofHours(48)));
      thanked.put(uuid(r[0]), new boolean[] {onTime});
    }
    record Referral(UUID id, UUID employee, int depth) {}
    Map<UUID, List<Referral>> referrals = new HashMap<>();
    for (Object[] r :
        select(
            c,
            "select id, interview_id, employee_id, depth from referral where created_at >= ?",
            at(start))) {
      referrals
          .computeIfAbsent(uuid(r[1]), k -> new ArrayList<>())
          .add(new Referral(uuid(r[0]), uuid(r[2]), ((Number) r[3]).intValue()));
    }
    Map<UUID, List<UUID>> citing = new HashMap<>();
    for (Object[] r :
        select(
            c,
            "select referral_id, id from interview_request where referral_id is not null"
                + " and created_at >= ?",
            at(start))) {
      citing.computeIfAbsent(uuid(r[0]), k -> new ArrayList<>()).add(uuid(r[1]));
    }

    // SENT, ANSWERED, ACCEPTED, HELD, THANKED, REFERRAL_GIVEN, REFERRAL_FOLLOWED, REFERRAL_HELD
    long[] counts = new long[8];
    List<Set<UUID>> people = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      people.add(new HashSet<>());
    }
    long referralsGiven = 0;
    List<Double> answerHours = new ArrayList<>();
    for (Request request : cohort) {
      count(counts, people, 0, request.requester());
      if (request.answered() != null) {
        count(counts, people, 1, request.requester());
        answerHours.add(
            (request.answered().toEpochMilli() - request.created().toEpochMilli()) / 1000.0);
      }
      Interview interview = byRequest.get(request.id());
      if (interview == null) {
        continue;
      }
      count(counts, people, 2, request.requester());
      if (!interview.status().equals("HELD")) {
        continue;
      }
      count(counts, people, 3, request.requester());
      if (thanked.containsKey(interview.id())) {
        count(counts, people, 4, request.requester());
      }
      List<Referral> given = referrals.getOrDefault(interview.id(), List.of());
      if (!given.isEmpty()) {
        counts[5]++;
      }
      for (Referral referral : given) {
        referralsGiven++;
        people.get(5).add(referral.employee());
        List<UUID> followers = citing.getOrDefault(referral.id(), List.of());
        if (!followers.isEmpty()) {
          count(counts, people, 6, referral.employee());
        }
        for (UUID follower : followers) {
          Interview followed = byRequest.get(follower);
          if (followed != null && followed.status().equals("HELD")) {
            count(counts, people, 7, referral.employee());
            break;
          }
        }
      }
    }
    long[] distinct = people.stream().mapToLong(Set::size).toArray();
    median(answerHours);

    long touchesDue = 0;
    for (Object[] r :
        select(
            c,
            "select employee_id, met_at, touches_due, touches_on_time from contact"
                + " where met_at >= ? and met_at < ?",
            at(start),
            at(end))) {
      if (divisions == null
          || filter.divisionId().equals(divisions.on(uuid(r[0]), day(instant(r[1]))))) {
        touchesDue += ((Number) r[2]).longValue();
      }
    }
    return new Pipeline(counts, distinct, referralsGiven, touchesDue);
  }

  private static void count(long[] counts, List<Set<UUID>> people, int stage, UUID person) {
    counts[stage]++;
    people.get(stage).add(person);
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double middle = (sorted.length - 1) / 2.0;
    int low = (int) Math.floor(middle);
    int high = (int) Math.ceil(middle);
    return sorted[low] + (sorted[high] - sorted[low]) * (middle - low);
  }

  // Flows

  static Flows flows(Connection c, ReportFilter filter) throws SQLException {
    Divisions divisions = Divisions.load(c);
    Map<List<UUID>, Long> cells = new HashMap<>();
    Map<UUID, Long> rows = new HashMap<>();
    Map<UUID, Long> columns = new HashMap<>();
    long total = 0;
    for (Object[] r :
        select(
            c,
            "select employee_id, leader_id, start_at from interview where status = 'HELD'"
                + " and start_at >= ? and start_at < ?",
            at(filter.start()),
            at(filter.end()))) {
      LocalDate day = day(instant(r[2]));
      UUID employee = divisions.on(uuid(r[0]), day);
      UUID leader = divisions.on(uuid(r[1]), day);
      cells.merge(List.of(employee, leader), 1L, Long::sum);
      rows.merge(employee, 1L, Long::sum);
      columns.merge(leader, 1L, Long::sum);
      total++;
    }
    return new Flows(cells, rows, columns, total);
  }

  // Leaders

  static Leaders leaders(Connection c, ReportFilter filter) throws SQLException {
    Map<UUID, Integer> caps = new HashMap<>();
    for (Object[] r : select(c, "select person_id, monthly_cap from leader_profile")) {
      caps.put(uuid(r[0]), ((Number) r[1]).intValue());
    }
    Set<UUID> eligible = new HashSet<>();
    for (Object[] r :
        select(c, "select id, hired_on, left_on, active from person where leader = true")) {
      LocalDate hired = date(r[1]);
      LocalDate left = date(r[2]);
      if (caps.containsKey(uuid(r[0]))
          && (hired == null || !hired.isAfter(filter.to()))
          && (left == null || !left.isBefore(filter.from()))
          && ((Boolean) r[3] || left != null)) {
        eligible.add(uuid(r[0]));
      }
    }
    Map<UUID, Long> held = new HashMap<>();
    for (Object[] r :
        select(
            c,
            "select leader_id from interview where status = 'HELD'"
                + " and start_at >= ? and start_at < ?",
            at(filter.start()),
            at(filter.end()))) {
      held.merge(uuid(r[0]), 1L, Long::sum);
    }
    Set<UUID> accepted = new HashSet<>();
    for (Object[] r :
        select(
            c,
            "select leader_id from interview where created_at >= ? and created_at < ?",
            at(filter.start()),
            at(filter.end()))) {
      accepted.add(uuid(r[0]));
    }
    long[] load = new long[eligible.size()];
    int i = 0;
    long accepting = 0;
    long heldLeaders = 0;
    long interviews = 0;
    for (UUID leader : eligible) {
      long n = held.getOrDefault(leader, 0L);
      load[i++] = n;
      interviews += n;
      heldLeaders += n > 0 ? 1 : 0;
      accepting += accepted.contains(leader) ? 1 : 0;
    }
    Arrays.sort(load);
    long rankSum = 0;
    for (int k = 0; k < load.length; k++) {
      rankSum += (k + 1) * load[k];
    }
    Map<String, Integer> booked = new HashMap<>();
    for (Object[] r : select(c, "select leader_id, period, booked from leader_month_load")) {
      booked.put(r[0] + "/" + r[1], ((Number) r[2]).intValue());
    }
    long requests = 0;
    long atCap = 0;
    for (Object[] r :
        select(
            c,
            "select leader_id, created_at from interview_request"
                + " where created_at >= ? and created_at < ?",
            at(filter.start()),
            at(filter.end()))) {
      UUID leader = uuid(r[0]);
      if (!eligible.contains(leader)) {
        continue;
      }
      requests++;
      LocalDate day = day(instant(r[1]));
      Integer month =
          booked.get(leader + "/" + String.format("%04d-%02d", day.getYear(), day.getMonthValue()));
      if (month != null && month >= caps.get(leader)) {
        atCap++;
      }
    }
    return new Leaders(
        eligible.size(), accepting, heldLeaders, interviews, rankSum, atCap, requests);
  }

  // Mobility

  static Mobility mobility(Connection c, ReportFilter filter, int months, LocalDate today)
      throws SQLException {
    Divisions divisions = Divisions.load(c);
    record Held(UUID leader, LocalDate day) {}
    Map<UUID, List<Held>> held = new HashMap<>();
    Map<UUID, Instant> first = new HashMap<>();
    for (Object[] r :
        select(c, "select employee_id, leader_id, start_at from interview where status = 'HELD'")) {
      UUID employee = uuid(r[0]);
      Instant start = instant(r[2]);
      held.computeIfAbsent(employee, k -> new ArrayList<>()).add(new Held(uuid(r[1]), day(start)));
      first.merge(employee, start, (a, b) -> a.isBefore(b) ? a : b);
    }
    record Person(UUID id, LocalDate hired, LocalDate left, boolean active) {}
    List<Person> people = new ArrayList<>();
    for (Object[] r : select(c, "select id, hired_on, left_on, active from person")) {
      people.add(new Person(uuid(r[0]), date(r[1]), date(r[2]), (Boolean) r[3]));
    }
    // participants people, moved; non-participants people, moved (moves); the same for staying.
    long[][] outcome = new long[2][4];
    long into = 0;
    long intoOf = 0;
    for (int kind = 0; kind < 2; kind++) {
      int n = kind == 0 ? months : 12;
      LocalDate windowEnd = filter.from().plusMonths(n);
      for (Person p : people) {
        if (!p.active() && p.left() == null) {
          continue;
        }
        Instant f = first.get(p.id());
        // The two groups are read independently, as the report defines them.
        if (f != null
            && !f.isBefore(filter.start())
            && f.isBefore(filter.end())
            && !day(f).plusMonths(n).isAfter(today)) {
          LocalDate a = day(f);
          outcome[kind][0]++;
          if (kind == 0) {
            List<Divisions.Move> moved = divisions.movesBetween(p.id(), a, a.plusMonths(n));
            outcome[kind][1] += moved.isEmpty() ? 0 : 1;
            for (Divisions.Move move : moved) {
              intoOf++;
              for (Held h : held.get(p.id())) {
                if (h.day().isBefore(move.on())
                    && move.to().equals(divisions.on(h.leader(), h.day()))) {
                  into++;
                  break;
                }
              }
            }
          } else {
            outcome[kind][1] += stayed(p.left(), a.plusMonths(n)) ? 1 : 0;
          }
        }
        if ((p.hired() == null || !p.hired().isAfter(filter.from()))
            && (p.left() == null || p.left().isAfter(filter.from()))
            && (f == null || !day(f).isBefore(windowEnd))
            && !windowEnd.isAfter(today)) {
          outcome[kind][2]++;
          boolean yes =
              kind == 0
                  ? !divisions.movesBetween(p.id(), filter.from(), windowEnd).isEmpty()
                  : stayed(p.left(), windowEnd);
          outcome[kind][3] += yes ? 1 : 0;
        }
      }
    }
    return new Mobility(outcome[0], outcome[1], into, intoOf);
  }

  private static boolean stayed(LocalDate left, LocalDate until) {
    return left == null || left.isAfter(until);
  }

  // Talent pool

  static TalentPool talentPool(Connection c, UUID reader, int page) throws SQLException {
    Set<UUID> consented = new HashSet<>();
    for (Object[] r :
        select(c, "select employee_id from talent_consent where visible_to_hr = true")) {
      consented.add(uuid(r[0]));
    }
    Map<UUID, String> divisionNames = new HashMap<>();
    for (Object[] r : select(c, "select id, name from division")) {
      divisionNames.put(uuid(r[0]), (String) r[1]);
    }
    record Person(UUID id, String name, String title, UUID division, boolean active) {}
    Map<UUID, Person> people = new HashMap<>();
    Map<UUID, List<UUID>> reports = new HashMap<>();
    for (Object[] r :
        select(c, "select id, display_name, title, division_id, active, manager_id from person")) {
      people.put(
          uuid(r[0]),
          new Person(uuid(r[0]), (String) r[1], (String) r[2], uuid(r[3]), (Boolean) r[4]));
      if (r[5] != null) {
        reports.computeIfAbsent(uuid(r[5]), k -> new ArrayList<>()).add(uuid(r[0]));
      }
    }
    // Nobody the reader manages, directly or not.
    Set<UUID> below = new HashSet<>();
    java.util.ArrayDeque<UUID> next = new java.util.ArrayDeque<>(List.of(reader));
    while (!next.isEmpty()) {
      for (UUID report : reports.getOrDefault(next.poll(), List.of())) {
        if (below.add(report)) {
          next.add(report);
        }
      }
    }
    record Flag(Person leader, String division, Instant given, List<String> strengths) {}
    Map<Person, List<Flag>> entries = new HashMap<>();
    for (Object[] r :
        select(
            c,
            "select employee_id, leader_id, given_at, strengths from leader_feedback"
                + " where talent_pool = true")) {
      Person employee = people.get(uuid(r[0]));
      if (!consented.contains(employee.id())
          || !employee.active()
          || below.contains(employee.id())) {
        continue;
      }
      Person leader = people.get(uuid(r[1]));
      entries
          .computeIfAbsent(employee, k -> new ArrayList<>())
          .add(
              new Flag(
                  leader,
                  divisionNames.get(leader.division()),
                  instant(r[2]),
                  List.of(((String) r[3]).split(";"))));
    }
    List<Person> order = new ArrayList<>(entries.keySet());
    order.sort(Comparator.comparing(Person::name).thenComparing(Person::id));
    List<Person> listed = order.subList(0, Math.min(page, order.size()));
    int flags = 0;
    for (Person employee : listed) {
      entries
          .get(employee)
          .sort(Comparator.comparing(Flag::given).thenComparing(f -> f.leader().id()));
      flags += entries.get(employee).size();
    }
    return new TalentPool(order.size(), listed.size(), flags);
  }

  // Rows

  static List<Object[]> select(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      statement.setFetchSize(20_000);
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      try (ResultSet result = statement.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        List<Object[]> rows = new ArrayList<>();
        while (result.next()) {
          Object[] row = new Object[columns];
          for (int i = 0; i < columns; i++) {
            row[i] = result.getObject(i + 1);
          }
          rows.add(row);
        }
        return rows;
      }
    }
  }

  static OffsetDateTime at(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static UUID uuid(Object value) {
    return (UUID) value;
  }

  static Instant instant(Object value) {
    return value == null ? null : ((java.sql.Timestamp) value).toInstant();
  }

  static LocalDate date(Object value) {
    return value == null ? null : ((Date) value).toLocalDate();
  }

  static LocalDate day(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  /** Who was in which division on a day: now, unless a later move says where they were. */
  static final class Divisions {
    record Move(LocalDate on, UUID from, UUID to) {}

    private final Map<UUID, UUID> now = new HashMap<>();
    private final Map<UUID, List<Move>> moves = new HashMap<>();

    static Divisions load(Connection c) throws SQLException {
      Divisions divisions = new Divisions();
      for (Object[] r : select(c, "select id, division_id from person")) {
        divisions.now.put(uuid(r[0]), uuid(r[1]));
      }
      for (Object[] r :
          select(
              c,
              "select person_id, moved_on, from_division, to_division from internal_move"
                  + " order by person_id, moved_on, recorded_at, id")) {
        divisions
            .moves
            .computeIfAbsent(uuid(r[0]), k -> new ArrayList<>())
            .add(new Move(date(r[1]), uuid(r[2]), uuid(r[3])));
      }
      return divisions;
    }

    UUID on(UUID person, LocalDate day) {
      for (Move move : moves.getOrDefault(person, List.of())) {
        if (move.on().isAfter(day)) {
          return move.from();
        }
      }
      return now.get(person);
    }

    /** Moves with {@code after < moved_on <= until}. */
    List<Move> movesBetween(UUID person, LocalDate after, LocalDate until) {
      List<Move> found = new ArrayList<>();
      for (Move move : moves.getOrDefault(person, List.of())) {
        if (move.on().isAfter(after) && !move.on().isAfter(until)) {
          found.add(move);
        }
      }
      return found;
    }
  }
}
