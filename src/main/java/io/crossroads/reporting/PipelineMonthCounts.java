package io.crossroads.reporting;

import io.crossroads.people.DivisionsAtTheTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Each employee's requests of a calendar month (UTC), by the division they sent them from (the
 * request's stamp, {@link io.crossroads.people.DivisionsAtTheTime}), as the pipeline's counts: the
 * requests sent, answered and expired; their interviews booked, held and missed; the thank-yous for
 * the held ones, in all and within 48 hours; the names given in them (by depth), the interviews
 * that gave any, and the names a request followed and a held interview followed. The pipeline adds
 * up a year of them instead of joining every request to its interview, thank-you and names.
 *
 * <p>None of these facts changes once it happened (a request's sending, its answer and its expiry;
 * an interview's booking and its outcome, which closes it; a thank-you; a name given; a request
 * citing a name, and its closing), so each is folded in once and marked counted in the same
 * transaction; a report adds the facts not counted yet ({@link Kind#uncounted}) to the counts, and
 * is exact before the job has run. A fact is counted under its request's stamp only: a request
 * without one waits. A recorded move forgets the mover's stamps, and with them their counts and
 * marks ({@link io.crossroads.people.DivisionsAtTheTime#forget}), so the job counts them again
 * under the stamps written anew.
 */
public final class PipelineMonthCounts {

  /** The counts of an employee's month, in their columns' order. */
  static final List<String> FIGURES =
      List.of(
          "sent",
          "answered",
          "expired",
          "booked",
          "held",
          "no_show",
          "thanked",
          "on_time",
          "names",
          "named",
          "followed",
          "names_held",
          "depth1",
          "depth2",
          "depth3");

  /** The request {@code r} of a name's interview {@code i}, from the name {@code f}. */
  private static final String NAME_TO_REQUEST =
      " join interview i on i.id = f.interview_id join interview_request r on r.id = i.request_id";

  /**
   * A kind of fact: the rows it is read from ({@code table} as {@code alias}, with the request
   * {@code r} it is counted for), which of them hold it, the mark that says it is counted and what
   * it adds to the counts. A fact that counts once however many rows hold it (a name followed by
   * two requests) adds its {@code once} figure through a second mark, on the row it counts once
   * for: the first of its rows counted sets it.
   */
  public enum Kind {
    // A request's sending is counted first, with the division it is counted in: its other facts
    // are counted after it, in the same division, and a stamp that no longer says so is seen. A
    // request citing no name has nothing to count as citing one: it is marked so with its sending
    // (and the few citing requests not yet counted stand out to the planner as few).
    SENT(
        "interview_request",
        "r",
        "id",
        "sent_counted",
        "interview_request r",
        "true",
        "sent",
        "1") {
      @Override
      String marking() {
        return "sent_counted = true, counted_division_id = requester_division_id,"
            + " cite_counted = cite_counted or referral_id is null,"
            + " cite_held_counted = cite_held_counted or referral_id is null";
      }

      @Override
      String after() {
        return "";
      }
    },
    ANSWERED(
        "interview_request",
        "r",
        "id",
        "answer_counted",
        "interview_request r",
        "r.answered_at is not null",
        "answered",
        "1"),
    EXPIRED(
        "interview_request",
        "r",
        "id",
        "expiry_counted",
        "interview_request r",
        "r.status = 'EXPIRED'",
        "expired",
        "1"),
    BOOKED(
        "interview",
        "i",
        "id",
        "booking_counted",
        "interview i join interview_request r on r.id = i.request_id",
        "true",
        "booked",
        "1"),
    OUTCOME(
        "interview",
        "i",
        "id",
        "outcome_counted",
        "interview i join interview_request r on r.id = i.request_id",
        "i.status in ('HELD', 'NO_SHOW')",
        "held",
        "case when i.status = 'HELD' then 1 else 0 end",
        "no_show",
        "case when i.status = 'NO_SHOW' then 1 else 0 end"),
    // A thank-you counts for a held interview, and on time when sent within 48 hours of its end.
    THANKED(
        "thank_you",
        "t",
        "interview_id",
        "counted",
        "thank_you t join interview i on i.id = t.interview_id"
            + " join interview_request r on r.id = i.request_id",
        "i.status = 'HELD'",
        "thanked",
        "1",
        "on_time",
        "case when t.sent_at <= t.interview_ended_at + interval '48' hour then 1 else 0 end"),
    // A name given in a held interview, by its depth; its interview counts once, as one that gave
    // names.
    GIVEN(
        "referral",
        "f",
        "id",
        "counted",
        "referral f" + NAME_TO_REQUEST,
        "i.status = 'HELD'",
        "names",
        "1",
        "depth1",
        "case when f.depth = 1 then 1 else 0 end",
        "depth2",
        "case when f.depth = 2 then 1 else 0 end",
        "depth3",
        "case when f.depth >= 3 then 1 else 0 end") {
      @Override
      Once once() {
        return new Once("interview", "f.interview_id", "true", "named_counted", "named");
      }
    },
    // A name followed: a request cites it. The name counts once.
    FOLLOWED(
        "interview_request",
        "q",
        "id",
        "cite_counted",
        "interview_request q join referral f on f.id = q.referral_id" + NAME_TO_REQUEST,
        "q.referral_id is not null and i.status = 'HELD'") {
      @Override
      Once once() {
        return new Once("referral", "q.referral_id", "true", "followed_counted", "followed");
      }
    },
    // A name whose citing request was held. A citing request is counted once it is closed, held
    // or not, so that those never held leave the rows to count; the name counts once.
    CITED_HELD(
        "interview_request",
        "q",
        "id",
        "cite_held_counted",
        "interview_request q left join interview h on h.request_id = q.id"
            + " join referral f on f.id = q.referral_id"
            + NAME_TO_REQUEST,
        "q.referral_id is not null and i.status = 'HELD'"
            + " and (q.status in ('DECLINED', 'REDIRECTED', 'EXPIRED', 'WITHDRAWN')"
            + " or h.status in ('HELD', 'NO_SHOW', 'CANCELLED'))") {
      @Override
      Once once() {
        return new Once(
            "referral", "q.referral_id", "h.status = 'HELD'", "held_counted", "names_held");
      }
    };

    private final String table;
    private final String alias;
    private final String key;
    private final String mark;
    private final String from;
    private final String condition;
    private final Map<String, String> adds = new LinkedHashMap<>();

    Kind(
        String table,
        String alias,
        String key,
        String mark,
        String from,
        String condition,
        String... adds) {
      this.table = table;
      this.alias = alias;
      this.key = key;
      this.mark = mark;
      this.from = from;
      this.condition = condition;
      for (int i = 0; i < adds.length; i += 2) {
        this.adds.put(adds[i], adds[i + 1]);
      }
    }

    /** The figure this kind adds once per row of another table, if any. */
    Once once() {
      return null;
    }

    /** What marking a row of this kind counted sets. */
    String marking() {
      return mark + " = true";
    }

    /** What must be counted before a fact of this kind: its request's sending. */
    String after() {
      return " and r.sent_counted";
    }

    /** The rows of this kind with the request {@code r} they are counted for. */
    String from() {
      return from;
    }

    /** The condition of a fact of this kind not counted yet. */
    String uncounted() {
      return "not " + alias + "." + mark + " and " + condition;
    }

    /**
     * What a fact adds to each of the {@link #FIGURES}, as SQL expressions of its rows; the {@code
     * once} figure given as {@code once}.
     */
    private String figures(String once) {
      Once twice = once();
      return FIGURES.stream()
          .map(
              figure ->
                  twice != null && twice.figure().equals(figure)
                      ? once
                      : adds.getOrDefault(figure, "0"))
          .collect(Collectors.joining(", "));
    }

    /**
     * What a fact not counted yet adds to each figure: its {@code once} figure only if its row is
     * not marked, and this is the first of that row's facts not counted yet (by id).
     */
    String uncountedFigures() {
      Once once = once();
      if (once == null) {
        return figures(null);
      }
      // The earlier facts are read with this kind's own rows, its alias renamed "e": the other
      // aliases, and so the condition and when, are theirs.
      String sibling = "\\b" + alias + "\\b";
      return figures(
          "case when "
              + once.id()
              + " is not null and not exists (select 1 from "
              + once.table()
              + " o where o.id = "
              + once.of()
              + " and o."
              + once.mark()
              + ") and not exists (select 1 from "
              + from.replaceAll(sibling, "e")
              + " where e."
              + key
              + " < "
              + alias
              + "."
              + key
              + " and "
              + once.of().replaceAll(sibling, "e")
              + " = "
              + once.of()
              + " and "
              + once.when()
              + " and "
              + uncounted().replaceAll(sibling, "e")
              + ") then 1 else 0 end");
    }

    /** Facts of this kind not yet counted, as a query of one number. */
    public String uncountedQuery() {
      return "select count(*) from " + from + " where " + uncounted();
    }
  }

  /**
   * A figure a kind adds once per row of {@code table}: the row {@code of} the kind's row (an SQL
   * expression of its alias alone), where {@code when} holds; marked counted by {@code mark}.
   */
  record Once(String table, String of, String when, String mark, String figure) {

    /** The row's id where the figure is added, else null. */
    String id() {
      return "case when " + when + " then " + of + " end";
    }
  }

  private PipelineMonthCounts() {}

  /**
   * The facts of the requests sent in the period (whole months, bound as {@code :firstMonth} to
   * {@code :lastMonth} and {@code :start} to {@code :end}) as rows of {@code requester_id}, {@code
   * division_id} (the division they were sent from) and the {@link #FIGURES}: the counted ones by
   * employee-month, then each kind's facts not counted yet, one row each.
   */
  static String facts() {
    return "select c.employee_id as requester_id, c.division_id, "
        + FIGURES.stream().map(f -> "c." + f).collect(Collectors.joining(", "))
        + " from pipeline_month c"
        + " where c.period >= :firstMonth and c.period <= :lastMonth union all "
        + uncounted();
  }

  /**
   * The facts of the requests sent in the period (bound as {@code :start} to {@code :end}) not
   * counted yet, one row each, as {@link #facts} answers them.
   */
  static String uncounted() {
    StringBuilder facts = new StringBuilder();
    for (Kind kind : Kind.values()) {
      facts
          .append(facts.length() == 0 ? "" : " union all ")
          .append("select r.requester_id, ")
          .append(DivisionsAtTheTime.ofRequest("r"))
          .append(", ")
          .append(kind.uncountedFigures())
          .append(" from ")
          .append(kind.from())
          .append(" where ")
          .append(kind.uncounted())
          .append(" and r.created_at >= :start and r.created_at < :end");
    }
    return facts.toString();
  }

  /**
   * Folds up to {@code limit} uncounted facts of each kind whose requests are stamped into the
   * counts and marks them counted; returns the most rows read of any kind. Runs in the caller's
   * transaction (the job's, after the stamping lock, so instances take turns, and a move recorded
   * meanwhile waits).
   */
  public static int fold(Connection connection, int limit) throws SQLException {
    int most = 0;
    for (Kind kind : Kind.values()) {
      most = Math.max(most, fold(connection, kind, limit));
    }
    return most;
  }

  /** Folds up to {@code limit} uncounted facts of {@code kind}; returns how many were read. */
  public static int fold(Connection connection, Kind kind, int limit) throws SQLException {
    Once once = kind.once();
    List<Row> rows = new ArrayList<>();
    // Each employee's bit, for their divisions' months.
    Map<UUID, Long> bits = new HashMap<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "select "
                + kind.alias
                + "."
                + kind.key
                + ", r.requester_id, r.requester_division_id, r.created_at, "
                + (once == null ? "null" : once.id())
                + ", "
                + ReportSql.of(connection).personBit("r.requester_id")
                + ", "
                + kind.figures(once == null ? null : "0")
                + " from "
                + kind.from()
                + " where "
                + kind.uncounted()
                + kind.after()
                + " and r.requester_division_id is not null fetch first "
                + limit
                + " rows only")) {
      try (ResultSet result = select.executeQuery()) {
        while (result.next()) {
          YearMonth month =
              YearMonth.from(
                  result.getObject(4, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC));
          int[] adds = new int[FIGURES.size()];
          for (int f = 0; f < adds.length; f++) {
            adds[f] = result.getInt(7 + f);
          }
          bits.put(result.getObject(2, UUID.class), result.getLong(6));
          rows.add(
              new Row(
                  result.getObject(1, UUID.class),
                  new Key(
                      result.getObject(2, UUID.class),
                      result.getObject(3, UUID.class),
                      month.toString()),
                  result.getObject(5, UUID.class),
                  adds));
        }
      }
    }
    if (rows.isEmpty()) {
      return 0;
    }
    // Marked first, each only if still uncounted, in the order of their ids (the same in every
    // folder, should two ever run at once): a row another folder marked meanwhile is left to its
    // counts.
    rows.sort(Comparator.comparing(Row::id));
    List<Row> counted = new ArrayList<>();
    int[] marked =
        Folds.mark(
            connection,
            kind.table,
            kind.key,
            kind.mark,
            kind.marking(),
            rows.stream().map(Row::id).toList());
    for (int i = 0; i < marked.length; i++) {
      if (marked[i] == 1) {
        counted.add(rows.get(i));
      }
    }
    Map<List<Object>, long[]> counts = new HashMap<>();
    for (Row row : counted) {
      for (int f = 0; f < row.adds().length; f++) {
        if (row.adds()[f] != 0) {
          count(counts, row.key())[f] += row.adds()[f];
        }
      }
    }
    if (once != null) {
      // The once figure of a row counts for the first of its facts whose mark sets it.
      List<Row> firsts =
          counted.stream()
              .filter(row -> row.once() != null)
              .sorted(Comparator.comparing(Row::once))
              .toList();
      int[] set =
          Folds.mark(
              connection,
              once.table(),
              "id",
              once.mark(),
              once.mark() + " = true",
              firsts.stream().map(Row::once).toList());
      int figure = FIGURES.indexOf(once.figure());
      for (int i = 0; i < set.length; i++) {
        if (set[i] == 1) {
          count(counts, firsts.get(i).key())[figure]++;
        }
      }
    }
    PipelineDivisionMonths.keep(connection);
    Folds.add(
        connection,
        "pipeline_month",
        List.of("employee_id", "division_id", "period"),
        FIGURES,
        counts);
    // And to their divisions' months, with the employees' bits.
    Map<List<Object>, long[]> divisions = new HashMap<>();
    counts.forEach(
        (key, figures) ->
            PipelineDivisionMonths.employee(
                divisions, List.of(key.get(1), key.get(2)), figures, bits.get((UUID) key.get(0))));
    PipelineDivisionMonths.add(connection, divisions);
    return rows.size();
  }

  /**
   * The employees with a request counted in a division its stamp no longer says: none, unless the
   * stamps were forgotten without the counts (by the version before them, which knew no counts, and
   * perhaps stamped anew since).
   */
  public static List<UUID> countedElsewhere(Connection connection) throws SQLException {
    List<UUID> employees = new ArrayList<>();
    try (PreparedStatement select =
            connection.prepareStatement(
                "select distinct requester_id from interview_request"
                    + " where counted_division_id is not null and (requester_division_id is null"
                    + " or counted_division_id <> requester_division_id)");
        ResultSet result = select.executeQuery()) {
      while (result.next()) {
        employees.add(result.getObject(1, UUID.class));
      }
    }
    return employees;
  }

  /** The counts of a key, added to {@code counts} if missing. */
  private static long[] count(Map<List<Object>, long[]> counts, Key key) {
    return counts.computeIfAbsent(
        List.of(key.employee(), key.division(), key.month()), k -> new long[FIGURES.size()]);
  }

  private record Key(UUID employee, UUID division, String month) {}

  private record Row(UUID id, Key key, UUID once, int[] adds) {}
}
