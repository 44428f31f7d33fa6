package io.crossroads.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Requests waiting for an answer and interviews to come, written straight into the bench's database
 * between employees and leaders the program pairs (another division, outside the employee's
 * management chain, within the level band): what a change of the directory has to go over. Also
 * picks some employees with a request waiting to move into their leader's division.
 */
final class OpenWork {

  /** Someone of the directory as the seeding needs them. */
  private record Someone(UUID id, String username, UUID division, String divisionName, int level) {}

  /** User name to the division they move to, so that their request is no longer allowed. */
  final Map<String, String> movesIntoTheLeadersDivision = new HashMap<>();

  int requests;
  int interviews;

  private OpenWork() {}

  static OpenWork seed(String url, int requests, int interviews, int moves) throws SQLException {
    OpenWork work = new OpenWork();
    try (Connection db = DriverManager.getConnection(url, "postgres", "postgres")) {
      db.setAutoCommit(false);
      List<Someone> employees = new ArrayList<>();
      List<Someone> leaders = new ArrayList<>();
      Map<UUID, UUID> managers = new HashMap<>();
      try (PreparedStatement select =
              db.prepareStatement(
                  "select p.id, p.username, p.division_id, d.name, p.level, p.manager_id,"
                      + " lp.person_id is not null from person p"
                      + " join division d on d.id = p.division_id"
                      + " left join leader_profile lp on lp.person_id = p.id where p.active");
          ResultSet r = select.executeQuery()) {
        while (r.next()) {
          Someone someone =
              new Someone(
                  r.getObject(1, UUID.class),
                  r.getString(2),
                  r.getObject(3, UUID.class),
                  r.getString(4),
                  r.getInt(5));
          if (r.getObject(6) != null) {
            managers.put(someone.id(), r.getObject(6, UUID.class));
          }
          (r.getBoolean(7) ? leaders : employees).add(someone);
        }
      }
      Random random = new Random(7);
      Instant now = Instant.now();
      Set<List<UUID>> pairs = new HashSet<>();
      Map<UUID, Integer> booked = new HashMap<>();
      try (PreparedStatement request =
              db.prepareStatement(
                  "insert into interview_request (id, requester_id, leader_id, status,"
                      + " length_minutes, format, intro, learn, why_you, created_at,"
                      + " last_attempt_at, follow_ups, version)"
                      + " values (?, ?, ?, ?, 20, 'VIDEO', 'I am new here', 'How you plan',"
                      + " 'Your talk', ?, ?, 0, 0)");
          PreparedStatement slot =
              db.prepareStatement(
                  "insert into request_slot (request_id, position, start_at) values (?, ?, ?)");
          PreparedStatement interview =
              db.prepareStatement(
                  "insert into interview (id, request_id, employee_id, leader_id, start_at,"
                      + " end_at, block_start, block_end, length_minutes, format, status,"
                      + " sequence, created_at, version)"
                      + " values (?, ?, ?, ?, ?, ?, ?, ?, 20, 'VIDEO', 'SCHEDULED', 0, ?, 0)")) {
        Timestamp sent = Timestamp.from(now);
        while (work.requests + work.interviews < requests + interviews) {
          Someone employee = employees.get(random.nextInt(employees.size()));
          Someone leader = leaders.get(random.nextInt(leaders.size()));
          if (employee.division().equals(leader.division())
              || leader.level() > employee.level() + 3
              || above(employee.id(), managers).contains(leader.id())
              || !pairs.add(List.of(employee.id(), leader.id()))) {
            continue;
          }
          boolean scheduled = work.requests >= requests;
          UUID id = UUID.randomUUID();
          request.setObject(1, id);
          request.setObject(2, employee.id());
          request.setObject(3, leader.id());
          request.setString(4, scheduled ? "ACCEPTED" : "PENDING");
          request.setTimestamp(5, sent);
          request.setTimestamp(6, sent);
          request.addBatch();
          int n = booked.merge(leader.id(), 1, Integer::sum);
          Instant start =
              now.plus(Duration.ofDays(10))
                  .plus(Duration.ofHours(n))
                  .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
          for (int position = 0; position < 2; position++) {
            slot.setObject(1, id);
            slot.setInt(2, position);
            slot.setTimestamp(3, Timestamp.from(start.plus(Duration.ofDays(position))));
            slot.addBatch();
          }
          if (scheduled) {
            interview.setObject(1, UUID.randomUUID());
            interview.setObject(2, id);
            interview.setObject(3, employee.id());
            interview.setObject(4, leader.id());
            interview.setTimestamp(5, Timestamp.from(start));
            interview.setTimestamp(6, Timestamp.from(start.plus(Duration.ofMinutes(20))));
            interview.setTimestamp(7, Timestamp.from(start));
            interview.setTimestamp(8, Timestamp.from(start.plus(Duration.ofMinutes(20))));
            interview.setTimestamp(9, sent);
            interview.addBatch();
            work.interviews++;
          } else {
            work.requests++;
            if (work.movesIntoTheLeadersDivision.size() < moves) {
              work.movesIntoTheLeadersDivision.putIfAbsent(
                  employee.username(), leader.divisionName());
            }
          }
          if ((work.requests + work.interviews) % 1000 == 0) {
            request.executeBatch();
            slot.executeBatch();
            interview.executeBatch();
          }
        }
        request.executeBatch();
        slot.executeBatch();
        interview.executeBatch();
      }
      db.commit();
    }
    return work;
  }

  /** Open requests and interviews to come, as the database has them now. */
  static String count(String url) throws SQLException {
    try (Connection db = DriverManager.getConnection(url, "postgres", "postgres");
        PreparedStatement select =
            db.prepareStatement(
                "select (select count(*) from interview_request where status = 'PENDING'),"
                    + " (select count(*) from interview where status = 'SCHEDULED'"
                    + "  and start_at > now())");
        ResultSet r = select.executeQuery()) {
      r.next();
      return r.getLong(1) + " requests waiting, " + r.getLong(2) + " interviews to come";
    }
  }

  private static Set<UUID> above(UUID person, Map<UUID, UUID> managers) {
    Set<UUID> chain = new HashSet<>();
    for (UUID m = managers.get(person); m != null && chain.add(m); m = managers.get(m)) {
      // up to the top
    }
    return chain;
  }
}
