package io.crossroads.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows a failed write could have left behind, in a database on the test PostgreSQL: whatever was
 * created since a moment must be whole, however the writes that made it ended.
 */
final class HalfWritten {

  private HalfWritten() {}

  private static final Map<String, String> CHECKS = new LinkedHashMap<>();

  static {
    CHECKS.put(
        "a request without slots",
        "select r.id from interview_request r where r.created_at >= ? and not exists"
            + " (select 1 from request_slot s where s.request_id = r.id)"
            + " and r.status in ('PENDING', 'COUNTER_PROPOSED')");
    CHECKS.put(
        "a request without history",
        "select r.id from interview_request r where r.created_at >= ? and not exists"
            + " (select 1 from request_event e where e.request_id = r.id)");
    CHECKS.put(
        "an interview without its request",
        "select i.id from interview i where i.created_at >= ? and not exists"
            + " (select 1 from interview_request r where r.id = i.request_id)");
    CHECKS.put(
        "an outbox message without its recipient",
        "select m.id from outbox_message m where m.created_at >= ? and (m.recipient_email = ''"
            + " or (m.recipient_id is not null and not exists"
            + " (select 1 from person p where p.id = m.recipient_id)))");
  }

  /** What was found, as "what: id", in the database at {@code url}; empty when all is whole. */
  static List<String> since(String url, Instant since) throws Exception {
    List<String> found = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres")) {
      for (Map.Entry<String, String> check : CHECKS.entrySet()) {
        try (var statement = connection.prepareStatement(check.getValue())) {
          statement.setTimestamp(1, Timestamp.from(since));
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              found.add(check.getKey() + ": " + rows.getString(1));
            }
          }
        }
      }
    }
    return found;
  }
}
