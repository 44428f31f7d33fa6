package io.crossroads.bench;

import io.crossroads.demo.DemoOrganisation.DivisionSeed;
import io.crossroads.demo.DemoOrganisation.PersonSeed;
import io.crossroads.demo.DemoOrganisation.Plan;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Three years of the program over the generated organisation's people, written straight into the
 * tables HR's reports read with COPY: requests (accepted, declined, expired, redirected, pending),
 * the interviews they became (held, no-show, cancelled, scheduled), thank-yous, referrals in chains
 * and the requests citing them, contacts with their touch counts, feedback with talent flags,
 * consent, internal moves, hiring and leaving days, and the leaders' monthly loads. Seeded: runs
 * write the same history relative to their day, but for the few rows the time of day decides (what
 * has not happened yet).
 *
 * <p>Foreign keys are not checked while writing (the rows are consistent by construction); the
 * indexes are kept up as the rows arrive, as they would be in production.
 */
final class ReportsHistory {

  static final int DAYS = 1095;
  private static final long DAY_SECONDS = 86_400;

  private final Plan plan;
  private final int interviewsWanted;
  private final Random random = new Random(20_261_130L);
  private final Instant now;
  private final LocalDate today;
  private final long firstDay;

  // People, by their position in the plan.
  private final int size;
  private final Map<UUID, Integer> index = new HashMap<>();
  private final Map<UUID, Integer> divisionIndex = new HashMap<>();
  private final int[] leaders;
  private final int[] leaderPosition;
  private final LocalDate[] hiredOn;
  private final LocalDate[] leftOn;
  private final boolean[] active;
  private final int[] originalDivision;
  private final int[] finalDivision;

  // What the history leaves behind for the rows written after it.
  private final long[] firstHeld;
  private final int[] metLeader;
  private final boolean[] flagged;
  private final List<List<Pending>> pending;
  private final int[][] booked;
  private final Set<Long> contacts = new HashSet<>();
  private final Set<Long> scheduledSlots = new HashSet<>();

  final Map<String, Long> written = new LinkedHashMap<>();

  /** A name given to an employee, not yet cited by a request. */
  private record Pending(UUID id, int referred, int depth, long created) {}

  ReportsHistory(Plan plan, int interviewsWanted, Instant now) {
    this.plan = plan;
    this.interviewsWanted = interviewsWanted;
    this.now = now;
    this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    this.firstDay = today.minusDays(DAYS).toEpochDay();
    List<PersonSeed> people = plan.people();
    size = people.size();
    for (int i = 0; i < plan.divisions().size(); i++) {
      divisionIndex.put(plan.divisions().get(i).id(), i);
    }
    hiredOn = new LocalDate[size];
    leftOn = new LocalDate[size];
    active = new boolean[size];
    originalDivision = new int[size];
    finalDivision = new int[size];
    firstHeld = new long[size];
    Arrays.fill(firstHeld, Long.MAX_VALUE);
    metLeader = new int[size];
    Arrays.fill(metLeader, -1);
    flagged = new boolean[size];
    pending = new ArrayList<>(size);
    leaderPosition = new int[size];
    Arrays.fill(leaderPosition, -1);
    List<Integer> leaderList = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      PersonSeed p = people.get(i);
      index.put(p.id(), i);
      pending.add(null);
      originalDivision[i] = divisionIndex.get(p.divisionId());
      finalDivision[i] = originalDivision[i];
      if (p.leader()) {
        leaderPosition[i] = leaderList.size();
        leaderList.add(i);
      }
    }
    leaders = leaderList.stream().mapToInt(Integer::intValue).toArray();
    // Popular leaders are spread over the divisions: the order of preference is shuffled.
    for (int i = leaders.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = leaders[i];
      leaders[i] = leaders[j];
      leaders[j] = swap;
    }
    for (int i = 0; i < leaders.length; i++) {
      leaderPosition[leaders[i]] = i;
    }
    booked = new int[leaders.length][DAYS / 28 + 3];
  }

  /** Writes everything; returns the rows written per table. */
  Map<String, Long> write(String jdbcUrl) throws Exception {
    people();
    try (Copy requests =
            new Copy(
                jdbcUrl,
                "interview_request (id, requester_id, leader_id, status, length_minutes, format,"
                    + " intro, learn, why_you, referral_id, created_at, last_attempt_at,"
                    + " answered_at, version, follow_ups)");
        Copy interviews =
            new Copy(
                jdbcUrl,
                "interview (id, request_id, employee_id, leader_id, start_at, end_at, block_start,"
                    + " block_end, length_minutes, format, status, sequence, created_at, version)");
        Copy thanks =
            new Copy(
                jdbcUrl,
                "thank_you (interview_id, employee_id, leader_id, message, interview_ended_at,"
                    + " sent_at)");
        Copy referrals =
            new Copy(
                jdbcUrl,
                "referral (id, interview_id, referrer_id, employee_id, referred_id, may_use_name,"
                    + " note, depth, came_from, position, created_at)");
        Copy contactRows =
            new Copy(
                jdbcUrl,
                "contact (employee_id, person_id, cadence_days, met_at, last_touch_at,"
                    + " next_due_at, snoozed_until, stopped, touches_due, touches_on_time,"
                    + " version)");
        Copy feedback =
            new Copy(
                jdbcUrl,
                "leader_feedback (interview_id, leader_id, employee_id, talent_pool, strengths,"
                    + " note, given_at)")) {
      history(requests, interviews, thanks, referrals, contactRows, feedback);
      count(requests, interviews, thanks, referrals, contactRows, feedback);
    }
    try (Copy divisions = new Copy(jdbcUrl, "division (id, name)");
        Copy persons =
            new Copy(
                jdbcUrl,
                "person (id, username, display_name, email, division_id, title, level,"
                    + " manager_id, time_zone, leader, hr, active, hired_on, left_on)");
        Copy profiles =
            new Copy(
                jdbcUrl,
                "leader_profile (person_id, accepting_requests, bio, monthly_cap, lengths,"
                    + " formats, version)");
        Copy moves =
            new Copy(
                jdbcUrl,
                "internal_move (id, person_id, from_division, to_division, moved_on,"
                    + " recorded_at)");
        Copy consents =
            new Copy(jdbcUrl, "talent_consent (employee_id, visible_to_hr, changed_at)");
        Copy loads = new Copy(jdbcUrl, "leader_month_load (leader_id, period, booked)")) {
      // Moves first: they decide everyone's division now.
      moves(moves);
      for (DivisionSeed d : plan.divisions()) {
        divisions.row(d.id(), d.name());
      }
      for (int i = 0; i < size; i++) {
        PersonSeed p = plan.people().get(i);
        persons.row(
            p.id(),
            p.username(),
            p.displayName(),
            p.email(),
            plan.divisions().get(finalDivision[i]).id(),
            p.title(),
            p.level(),
            p.managerId(),
            p.timeZone().getId(),
            p.leader(),
            p.hr(),
            active[i],
            hiredOn[i],
            leftOn[i]);
        if (p.leader()) {
          profiles.row(
              p.id(), p.acceptingRequests(), "", p.monthlyCap(), "20,30,45", "VIDEO,IN_PERSON", 0);
        }
        if (flagged[i]) {
          double r = random.nextDouble();
          if (r < 0.85) {
            consents.row(p.id(), r < 0.60, now.minusSeconds(random.nextInt(400) * DAY_SECONDS));
          }
        }
      }
      for (int l = 0; l < leaders.length; l++) {
        for (int m = 0; m < booked[l].length; m++) {
          if (booked[l][m] > 0) {
            LocalDate month = LocalDate.ofEpochDay(firstDay).withDayOfMonth(1).plusMonths(m);
            loads.row(
                plan.people().get(leaders[l]).id(),
                String.format("%04d-%02d", month.getYear(), month.getMonthValue()),
                booked[l][m]);
          }
        }
      }
      count(divisions, persons, profiles, moves, consents, loads);
    }
    return written;
  }

  private void count(Copy... copies) throws SQLException, IOException {
    for (Copy copy : copies) {
      written.put(copy.table, copy.finish());
    }
  }

  /**
   * Hiring and leaving days: most people were hired before the history began, some during it; one
   * employee in twelve has left (and is inactive), a few are inactive without a leaving day.
   */
  private void people() {
    for (int i = 0; i < size; i++) {
      PersonSeed p = plan.people().get(i);
      double r = random.nextDouble();
      hiredOn[i] = r < 0.15 ? null : today.minusDays(30 + random.nextInt(7300));
      active[i] = true;
      if (!p.leader() && !p.hr()) {
        double l = random.nextDouble();
        if (l < 0.08) {
          leftOn[i] = today.minusDays(1 + random.nextInt(DAYS));
          if (hiredOn[i] != null && !hiredOn[i].isBefore(leftOn[i])) {
            hiredOn[i] = leftOn[i].minusDays(200);
          }
          active[i] = false;
        } else if (l < 0.085) {
          active[i] = false;
        }
      }
    }
  }

  /**
   * Day by day, the requests of that day: as many as become interviews to reach the total over the
   * three years, and three in ten more that do not (declined, expired, redirected, still pending).
   * Employees join the program over the years and leave it when they leave the company; a request
   * cites a name the employee was given, when there is one, more often than not.
   */
  private void history(
      Copy requests, Copy interviews, Copy thanks, Copy referrals, Copy contactRows, Copy feedback)
      throws IOException {
    List<String> vocabulary = plan.vocabulary();
    // Who takes part, in the order they join the program.
    List<long[]> joining = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      PersonSeed p = plan.people().get(i);
      if (p.leader() || p.hr() || !active[i] && leftOn[i] == null || random.nextDouble() > 0.8) {
        continue;
      }
      long hired = hiredOn[i] == null ? firstDay - 1 : hiredOn[i].toEpochDay();
      long joins = Math.max(hired, firstDay - 400) + random.nextInt(500);
      joining.add(new long[] {Math.max(joins, firstDay), i});
    }
    joining.sort((a, b) -> Long.compare(a[0], b[0]));
    int joined = 0;
    long interviewsMade = 0;
    for (int d = 0; d < DAYS; d++) {
      long day = firstDay + d;
      while (joined < joining.size() && joining.get(joined)[0] <= day) {
        joined++;
      }
      long due = (long) interviewsWanted * (d + 1) / DAYS - (long) interviewsWanted * d / DAYS;
      for (long n = 0; n < due; n++) {
        int employee = employee(joining, joined, day);
        request(
            day,
            employee,
            true,
            requests,
            interviews,
            thanks,
            referrals,
            contactRows,
            feedback,
            vocabulary);
        interviewsMade++;
        if (random.nextDouble() < 0.30) {
          request(
              day,
              employee(joining, joined, day),
              false,
              requests,
              interviews,
              thanks,
              referrals,
              contactRows,
              feedback,
              vocabulary);
        }
      }
    }
    if (interviewsMade != interviewsWanted) {
      throw new IllegalStateException(interviewsMade + " interviews");
    }
  }

  private int employee(List<long[]> joining, int joined, long day) {
    while (true) {
      int i = (int) joining.get(random.nextInt(joined))[1];
      if (leftOn[i] == null || leftOn[i].toEpochDay() > day) {
        return i;
      }
    }
  }

  private void request(
      long day,
      int employee,
      boolean accepted,
      Copy requests,
      Copy interviews,
      Copy thanks,
      Copy referrals,
      Copy contactRows,
      Copy feedback,
      List<String> vocabulary)
      throws IOException {
    long created = day * DAY_SECONDS + random.nextInt((int) DAY_SECONDS);
    Pending cited = null;
    List<Pending> names = pending.get(employee);
    if (names != null
        && !names.isEmpty()
        && random.nextDouble() < (accepted ? 0.6 : 0.3)
        && names.get(0).created() < created) {
      cited = names.remove(0);
    }
    int leader = cited == null ? leader(created) : cited.referred();
    UUID requestId = uuid();
    UUID employeeId = plan.people().get(employee).id();
    UUID leaderId = plan.people().get(leader).id();
    long answered = created + 1800 + (long) (Math.pow(random.nextDouble(), 2) * 120 * 3600);
    String status;
    Long answeredAt = answered;
    if (accepted) {
      status = "ACCEPTED";
    } else {
      double r = random.nextDouble();
      if (created > now.getEpochSecond() - 14 * DAY_SECONDS && r < 0.5) {
        status = "PENDING";
        answeredAt = null;
      } else if (r < 0.45) {
        status = "DECLINED";
      } else if (r < 0.85) {
        status = "EXPIRED";
        answeredAt = null;
      } else {
        status = "REDIRECTED";
      }
    }
    if (answeredAt != null && answeredAt >= now.getEpochSecond()) {
      if (!accepted) {
        status = "PENDING";
      }
      answeredAt = accepted ? now.getEpochSecond() - 60 : null;
    }
    requests.row(
        requestId,
        employeeId,
        leaderId,
        status,
        20,
        "VIDEO",
        "I would like to learn how your team works.",
        "How your division plans its year.",
        cited == null ? "You lead the area I am curious about." : "A leader suggested you.",
        cited == null ? null : cited.id(),
        instant(created),
        instant(status.equals("EXPIRED") ? created + 7 * DAY_SECONDS : created),
        answeredAt == null ? null : instant(answeredAt),
        0,
        status.equals("EXPIRED") ? 2 : 0);
    if (!accepted) {
      return;
    }
    int length = new int[] {20, 30, 45}[random.nextInt(3)];
    long start =
        (created / DAY_SECONDS + 2 + random.nextInt(20)) * DAY_SECONDS
            + (7 + random.nextInt(10)) * 3600
            + random.nextInt(4) * 900;
    String outcome;
    if (start >= now.getEpochSecond()) {
      outcome = "SCHEDULED";
      start = freeSlot(leader, start, length);
    } else {
      double r = random.nextDouble();
      outcome = r < 0.86 ? "HELD" : r < 0.91 ? "NO_SHOW" : "CANCELLED";
    }
    long end = start + length * 60L;
    UUID interviewId = uuid();
    interviews.row(
        interviewId,
        requestId,
        employeeId,
        leaderId,
        instant(start),
        instant(end),
        instant(start),
        instant(end),
        length,
        "VIDEO",
        outcome,
        0,
        instant(answeredAt),
        1);
    if (!outcome.equals("CANCELLED")) {
      int month = (int) (monthsSinceStart(start));
      if (month < booked[leaderPosition[leader]].length) {
        booked[leaderPosition[leader]][month]++;
      }
    }
    if (!outcome.equals("HELD")) {
      return;
    }
    firstHeld[employee] = Math.min(firstHeld[employee], start);
    if (metLeader[employee] < 0 || random.nextDouble() < 0.3) {
      metLeader[employee] = leader;
    }
    long nowSeconds = now.getEpochSecond();
    if (random.nextDouble() < 0.8) {
      long sent =
          end
              + (random.nextDouble() < 0.85
                  ? random.nextInt(48 * 3600)
                  : 48 * 3600 + random.nextInt(192 * 3600));
      if (sent < nowSeconds) {
        thanks.row(
            interviewId,
            employeeId,
            leaderId,
            "Thank you for your time.",
            instant(end),
            instant(sent));
      }
    }
    if (random.nextDouble() < 0.3) {
      int given = 1 + (random.nextDouble() < 0.3 ? 1 : 0) + (random.nextDouble() < 0.1 ? 1 : 0);
      Set<Integer> named = new HashSet<>();
      for (int position = 1; position <= given; position++) {
        int referred = leaders[random.nextInt(leaders.length)];
        if (referred == leader || !named.add(referred)) {
          continue;
        }
        UUID referralId = uuid();
        int depth = cited == null ? 1 : cited.depth() + 1;
        long at = end + random.nextInt(7200);
        referrals.row(
            referralId,
            interviewId,
            leaderId,
            employeeId,
            plan.people().get(referred).id(),
            true,
            null,
            depth,
            cited == null ? null : cited.id(),
            position,
            instant(at));
        if (pending.get(employee) == null) {
          pending.set(employee, new ArrayList<>(2));
        }
        pending.get(employee).add(new Pending(referralId, referred, depth, at));
      }
    }
    if (random.nextDouble() < 0.7 && contacts.add((long) employee * size + leader)) {
      int cadence = new int[] {30, 60, 90}[random.nextInt(3)];
      long elapsedDays = (nowSeconds - end) / DAY_SECONDS;
      boolean stopped = random.nextDouble() < 0.07;
      int touchesDue = (int) (elapsedDays / cadence);
      if (stopped) {
        touchesDue = touchesDue / 2;
      }
      int onTime = (int) Math.round(touchesDue * (0.5 + random.nextDouble() * 0.5));
      contactRows.row(
          employeeId,
          leaderId,
          cadence,
          instant(end),
          touchesDue == 0 ? null : instant(end + (long) cadence * touchesDue * DAY_SECONDS),
          instant(end + (long) cadence * (touchesDue + 1) * DAY_SECONDS),
          null,
          stopped,
          touchesDue,
          onTime,
          0);
    }
    if (random.nextDouble() < 0.35) {
      long given = end + 3600 + random.nextInt(72 * 3600);
      if (given < nowSeconds) {
        boolean talent = random.nextDouble() < 0.3;
        List<String> strengths = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int s = 0; s < count; s++) {
          String topic = vocabulary.get(random.nextInt(vocabulary.size()));
          if (!strengths.contains(topic)) {
            strengths.add(topic);
          }
        }
        feedback.row(
            interviewId,
            leaderId,
            employeeId,
            talent,
            String.join(";", strengths),
            null,
            instant(given));
        flagged[employee] |= talent;
      }
    }
  }

  /** A leader by popularity, skipping those not accepting and those at their cap that month. */
  private int leader(long created) {
    int month = (int) monthsSinceStart(created + 10 * DAY_SECONDS);
    int chosen = -1;
    for (int attempt = 0; attempt < 6; attempt++) {
      double u = random.nextDouble();
      int l = (int) (leaders.length * u * u);
      PersonSeed p = plan.people().get(leaders[l]);
      if (!p.acceptingRequests()) {
        continue;
      }
      chosen = leaders[l];
      if (month >= booked[l].length || booked[l][month] < p.monthlyCap()) {
        return chosen;
      }
    }
    return chosen >= 0 ? chosen : leaders[random.nextInt(leaders.length)];
  }

  private long monthsSinceStart(long epochSecond) {
    LocalDate first = LocalDate.ofEpochDay(firstDay).withDayOfMonth(1);
    LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, DAY_SECONDS));
    return (day.getYear() - first.getYear()) * 12L + day.getMonthValue() - first.getMonthValue();
  }

  /** A start that overlaps none of the leader's scheduled interviews (quarter-hour grid). */
  private long freeSlot(int leader, long start, int length) {
    while (true) {
      boolean free = true;
      for (long q = start / 900 - 3; q < (start + length * 60L) / 900 + 1; q++) {
        if (scheduledSlots.contains((long) leader * 10_000_000L + q)) {
          free = false;
        }
      }
      if (free) {
        for (long q = start / 900; q < (start + length * 60L + 899) / 900; q++) {
          scheduledSlots.add((long) leader * 10_000_000L + q);
        }
        return start;
      }
      start += 3600;
    }
  }

  /**
   * Internal moves: participants move more often in the months after their first held interview,
   * half of them into the division of a leader they met; others move now and then. At most two
   * moves each, on different days; everyone's division now is where their last move took them.
   */
  private void moves(Copy moves) throws IOException {
    int divisions = plan.divisions().size();
    long todayDay = today.toEpochDay();
    for (int i = 0; i < size; i++) {
      PersonSeed p = plan.people().get(i);
      if (p.leader() || !active[i] && leftOn[i] == null) {
        continue;
      }
      List<long[]> planned = new ArrayList<>();
      if (firstHeld[i] != Long.MAX_VALUE && random.nextDouble() < 0.15) {
        long day = firstHeld[i] / DAY_SECONDS + 15 + random.nextInt(315);
        int to =
            random.nextDouble() < 0.5 && metLeader[i] >= 0
                ? originalDivision[metLeader[i]]
                : random.nextInt(divisions);
        planned.add(new long[] {day, to});
      }
      if (random.nextDouble() < 0.04) {
        planned.add(new long[] {firstDay + random.nextInt(DAYS), random.nextInt(divisions)});
      }
      planned.sort((a, b) -> Long.compare(a[0], b[0]));
      int from = originalDivision[i];
      long last = Long.MIN_VALUE;
      for (long[] move : planned) {
        long day = move[0];
        int to = (int) move[1];
        if (day >= todayDay
            || day == last
            || to == from
            || leftOn[i] != null && day >= leftOn[i].toEpochDay()) {
          continue;
        }
        moves.row(
            uuid(),
            p.id(),
            plan.divisions().get(from).id(),
            plan.divisions().get(to).id(),
            LocalDate.ofEpochDay(day),
            Instant.ofEpochSecond(day * DAY_SECONDS + 7200));
        from = to;
        last = day;
      }
      finalDivision[i] = from;
    }
  }

  private UUID uuid() {
    return new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L, random.nextLong());
  }

  private static Instant instant(long epochSecond) {
    return Instant.ofEpochSecond(epochSecond);
  }

  /** One COPY into one table on its own connection, rows written as they come. */
  private static final class Copy implements AutoCloseable {
    final String table;
    private final Connection connection;
    private final PGCopyOutputStream out;
    private final Writer writer;
    private long rows;
    private boolean finished;

    Copy(String jdbcUrl, String target) throws SQLException {
      this.table = target.substring(0, target.indexOf(' '));
      this.connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
      try (var statement = connection.createStatement()) {
        // Consistent by construction: no foreign-key triggers while loading.
        statement.execute("set session_replication_role = replica");
      }
      this.out =
          new PGCopyOutputStream(
              connection.unwrap(PGConnection.class),
              "copy " + target + " from stdin with (format csv)",
              1 << 16);
      this.writer =
          new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    void row(Object... values) throws IOException {
      for (int i = 0; i < values.length; i++) {
        if (i > 0) {
          writer.write(',');
        }
        Object value = values[i];
        if (value instanceof String text) {
          writer.write('"');
          writer.write(text.replace("\"", "\"\""));
          writer.write('"');
        } else if (value != null) {
          writer.write(value.toString());
        }
      }
      writer.write('\n');
      rows++;
    }

    long finish() throws IOException, SQLException {
      if (!finished) {
        finished = true;
        writer.flush();
        out.endCopy();
      }
      return rows;
    }

    @Override
    public void close() throws Exception {
      try {
        finish();
      } finally {
        connection.close();
      }
    }
  }
}
