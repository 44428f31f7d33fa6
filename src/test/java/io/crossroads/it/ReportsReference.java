package io.crossroads.it;

import io.crossroads.it.ReportsHistory.Contact;
import io.crossroads.it.ReportsHistory.Division;
import io.crossroads.it.ReportsHistory.Feedback;
import io.crossroads.it.ReportsHistory.Interview;
import io.crossroads.it.ReportsHistory.Move;
import io.crossroads.it.ReportsHistory.Person;
import io.crossroads.it.ReportsHistory.Referral;
import io.crossroads.it.ReportsHistory.Request;
import io.crossroads.it.ReportsHistory.ThankYou;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * HR's report figures computed from the generated records alone, in plain Java, as docs/METRICS.md
 * defines them: the answers the reports must give, suppression included. Nothing here asks the
 * product how to count.
 */
final class ReportsReference {

  /** The smallest number of people a figure may show. */
  static final int SMALLEST_GROUP = 5;

  static final double Z = 1.959964;

  private final ReportsHistory history;
  private final LocalDate today;
  private final Map<UUID, Interview> interviewByRequest = new HashMap<>();
  private final Map<UUID, ThankYou> thankYouByInterview = new HashMap<>();
  private final Map<UUID, List<Referral>> referralsByInterview = new HashMap<>();
  private final Map<UUID, List<Request>> requestsCiting = new HashMap<>();
  private final Map<UUID, Integer> caps = new HashMap<>();
  private final Map<UUID, Map<YearMonth, Integer>> booked = new HashMap<>();

  /** Choices the definitions left open that this computation had to make (e.g. ties). */
  final List<String> choices = new ArrayList<>();

  ReportsReference(ReportsHistory history, LocalDate today) {
    this.history = history;
    this.today = today;
    history.interviews.forEach(i -> interviewByRequest.put(i.requestId(), i));
    history.thankYous.forEach(t -> thankYouByInterview.put(t.interviewId(), t));
    history.referrals.forEach(
        r -> referralsByInterview.computeIfAbsent(r.interviewId(), id -> new ArrayList<>()).add(r));
    history.requests.stream()
        .filter(r -> r.referralId() != null)
        .forEach(
            r -> requestsCiting.computeIfAbsent(r.referralId(), id -> new ArrayList<>()).add(r));
    history.profiles.values().forEach(p -> caps.put(p.personId(), p.monthlyCap()));
    history
        .monthLoads()
        .forEach(
            l ->
                booked
                    .computeIfAbsent(l.leaderId(), id -> new HashMap<>())
                    .put(l.month(), l.booked()));
  }

  // One reported number

  /** A figure: its value (kept even when suppressed, for complementary suppression). */
  static final class Figure {
    final BigDecimal value;
    boolean suppressed;

    private Figure(BigDecimal value, boolean suppressed) {
      this.value = value;
      this.suppressed = suppressed;
    }

    static Figure suppressed() {
      return new Figure(null, true);
    }

    static Figure none() {
      return new Figure(null, false);
    }

    /** A count backed by that many people: suppressed from 1 to 4 people. */
    static Figure count(long value, long people) {
      return new Figure(BigDecimal.valueOf(value), small(people));
    }

    /** A fraction to 4 decimals; none when there is nothing to divide by. */
    static Figure rate(long numerator, long denominator, boolean suppress) {
      if (suppress) {
        return suppressed();
      }
      if (denominator == 0) {
        return none();
      }
      return new Figure(
          BigDecimal.valueOf(numerator)
              .divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_EVEN),
          false);
    }

    static Figure decimal(BigDecimal value) {
      return new Figure(value, false);
    }

    JsonObject json() {
      if (suppressed) {
        return Json.createObjectBuilder().add("suppressed", true).build();
      }
      if (value == null) {
        return JsonObject.EMPTY_JSON_OBJECT;
      }
      return Json.createObjectBuilder().add("value", value).build();
    }
  }

  static boolean small(long people) {
    return people >= 1 && people < SMALLEST_GROUP;
  }

  /**
   * Complementary suppression: while a line has exactly one suppressed entry, its smallest
   * remaining non-zero entry is suppressed too (a zero if none is left; on a tie the first in the
   * line, totals last), the lines visited in the order given, over and over.
   */
  private void complement(List<List<Figure>> lines, String report) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (List<Figure> line : lines) {
        if (line.stream().filter(f -> f.suppressed).count() != 1) {
          continue;
        }
        Figure smallest = null;
        int ties = 0;
        for (Figure f : line) {
          if (f.suppressed || f.value == null || f.value.signum() == 0) {
            continue;
          }
          int order = smallest == null ? -1 : f.value.compareTo(smallest.value);
          if (order < 0) {
            smallest = f;
            ties = 1;
          } else if (order == 0) {
            ties++;
          }
        }
        if (smallest == null) {
          smallest =
              line.stream().filter(f -> !f.suppressed && f.value != null).findFirst().orElse(null);
        }
        if (smallest != null) {
          smallest.suppressed = true;
          changed = true;
          if (ties > 1) {
            choices.add(
                report
                    + ": complementary suppression had "
                    + ties
                    + " smallest entries of "
                    + smallest.value
                    + "; took the first in the line");
          }
        }
      }
    }
  }

  // Common rules

  static LocalDate day(Instant instant) {
    return LocalDate.ofInstant(instant, ZoneOffset.UTC);
  }

  static boolean within(Instant instant, LocalDate from, LocalDate to) {
    LocalDate day = day(instant);
    return !day.isBefore(from) && !day.isAfter(to);
  }

  private static boolean inactiveWithoutDate(Person p) {
    return !p.active() && p.leftOn() == null;
  }

  static boolean employedOn(Person p, LocalDate day) {
    return !inactiveWithoutDate(p)
        && (p.hiredOn() == null || !p.hiredOn().isAfter(day))
        && (p.leftOn() == null || p.leftOn().isAfter(day));
  }

  /** People employed and in the division on at least one day of the period. */
  long basePopulation(UUID divisionId, LocalDate from, LocalDate to) {
    return history.people.stream()
        .filter(p -> !inactiveWithoutDate(p))
        .filter(
            p -> {
              // The days between moves: one division each, employed on some day of it or not.
              List<LocalDate> starts = new ArrayList<>(List.of(from));
              history.moves.stream()
                  .filter(m -> m.personId().equals(p.id()))
                  .map(Move::movedOn)
                  .filter(d -> d.isAfter(from) && !d.isAfter(to))
                  .sorted()
                  .forEach(starts::add);
              for (int i = 0; i < starts.size(); i++) {
                LocalDate start = starts.get(i);
                LocalDate end = i + 1 < starts.size() ? starts.get(i + 1).minusDays(1) : to;
                boolean employed =
                    (p.hiredOn() == null || !p.hiredOn().isAfter(end))
                        && (p.leftOn() == null || p.leftOn().isAfter(start));
                if (employed && history.divisionOn(p.id(), start).equals(divisionId)) {
                  return true;
                }
              }
              return false;
            })
        .count();
  }

  private static <T> long people(Collection<T> rows, Function<T, UUID> person) {
    return rows.stream().map(person).distinct().count();
  }

  private static JsonObjectBuilder period(LocalDate from, LocalDate to, UUID divisionId) {
    JsonObjectBuilder json =
        Json.createObjectBuilder().add("from", from.toString()).add("to", to.toString());
    if (divisionId != null) {
      json.add("divisionId", divisionId.toString());
    }
    return json;
  }

  // Pipeline

  /**
   * A division's (or, without one, the company's) pipeline figures, each suppressed only for its
   * own people; the numerators of the rates too.
   */
  private final class PipelineFigures {
    final Map<String, Figure> funnel = new LinkedHashMap<>();
    final Map<String, Figure> depths = new LinkedHashMap<>();
    Figure given;
    Figure expired;
    Figure noShow;
    Figure onTime;
    long sent;
    long accepted;
    long held;
    long noShows;
    long heldOrNoShowPeople;
    long thankedOnTime;
    long names;
    Figure median;
    Figure keepInTouch;

    /** The figures that add up over the divisions to the company's, by name. */
    Map<String, Figure> additive() {
      Map<String, Figure> figures = new LinkedHashMap<>(funnel);
      figures.put("expired", expired);
      figures.put("noShow", noShow);
      figures.put("onTime", onTime);
      return figures;
    }
  }

  private PipelineFigures pipelineFigures(LocalDate from, LocalDate to, UUID divisionId) {
    PipelineFigures figures = new PipelineFigures();
    List<Request> sent =
        history.requests.stream()
            .filter(r -> within(r.createdAt(), from, to))
            .filter(
                r ->
                    divisionId == null
                        || divisionId.equals(
                            history.divisionOn(r.requesterId(), day(r.createdAt()))))
            .toList();
    List<Request> answered = sent.stream().filter(r -> r.answeredAt() != null).toList();
    List<Interview> accepted =
        sent.stream()
            .map(r -> interviewByRequest.get(r.id()))
            .filter(java.util.Objects::nonNull)
            .toList();
    List<Interview> held = withStatus(accepted, "HELD");
    List<Interview> noShows = withStatus(accepted, "NO_SHOW");
    List<Interview> thanked =
        held.stream().filter(i -> thankYouByInterview.containsKey(i.id())).toList();
    List<Interview> gaveNames =
        held.stream().filter(i -> referralsByInterview.containsKey(i.id())).toList();
    List<Referral> names =
        held.stream()
            .flatMap(i -> referralsByInterview.getOrDefault(i.id(), List.of()).stream())
            .toList();
    List<Referral> followed =
        names.stream().filter(n -> requestsCiting.containsKey(n.id())).toList();
    List<Referral> followedHeld =
        followed.stream()
            .filter(
                n ->
                    requestsCiting.get(n.id()).stream()
                        .map(r -> interviewByRequest.get(r.id()))
                        .anyMatch(i -> i != null && i.status().equals("HELD")))
            .toList();

    long heldPeople = people(held, Interview::employeeId);
    Map<String, Figure> funnel = figures.funnel;
    funnel.put("SENT", Figure.count(sent.size(), people(sent, Request::requesterId)));
    funnel.put("ANSWERED", Figure.count(answered.size(), people(answered, Request::requesterId)));
    funnel.put("ACCEPTED", Figure.count(accepted.size(), people(accepted, Interview::employeeId)));
    funnel.put("HELD", Figure.count(held.size(), heldPeople));
    funnel.put("THANKED", Figure.count(thanked.size(), people(thanked, Interview::employeeId)));
    funnel.put(
        "REFERRAL_GIVEN", Figure.count(gaveNames.size(), people(gaveNames, Interview::employeeId)));
    funnel.put(
        "REFERRAL_FOLLOWED", Figure.count(followed.size(), people(followed, Referral::employeeId)));
    funnel.put(
        "REFERRAL_HELD",
        Figure.count(followedHeld.size(), people(followedHeld, Referral::employeeId)));

    List<Request> expired = sent.stream().filter(r -> r.status().equals("EXPIRED")).toList();
    List<Interview> heldOrNoShow = new ArrayList<>(held);
    heldOrNoShow.addAll(noShows);
    List<Interview> thankedOnTime =
        thanked.stream()
            .filter(
                i ->
                    Duration.between(i.end(), thankYouByInterview.get(i.id()).sentAt())
                            .compareTo(Duration.ofHours(48))
                        <= 0)
            .toList();
    figures.expired = Figure.count(expired.size(), people(expired, Request::requesterId));
    figures.noShow = Figure.count(noShows.size(), people(noShows, Interview::employeeId));
    figures.onTime =
        Figure.count(thankedOnTime.size(), people(thankedOnTime, Interview::employeeId));
    figures.sent = sent.size();
    figures.accepted = accepted.size();
    figures.held = held.size();
    figures.noShows = noShows.size();
    figures.heldOrNoShowPeople = people(heldOrNoShow, Interview::employeeId);
    figures.thankedOnTime = thankedOnTime.size();

    if (answered.isEmpty()) {
      figures.median = Figure.none();
    } else {
      long[] seconds =
          answered.stream()
              .mapToLong(r -> Duration.between(r.createdAt(), r.answeredAt()).getSeconds())
              .sorted()
              .toArray();
      int n = seconds.length;
      BigDecimal twice =
          BigDecimal.valueOf(n % 2 == 1 ? 2 * seconds[n / 2] : seconds[n / 2 - 1] + seconds[n / 2]);
      figures.median =
          Figure.decimal(twice.divide(BigDecimal.valueOf(7200), 1, RoundingMode.HALF_EVEN));
    }

    figures.names = names.size();
    figures.given = Figure.count(names.size(), people(names, Referral::employeeId));
    figures.depths.put("1", depthCount(names, d -> d == 1));
    figures.depths.put("2", depthCount(names, d -> d == 2));
    figures.depths.put("3+", depthCount(names, d -> d >= 3));

    List<Contact> contacts =
        history.contacts.values().stream()
            .filter(c -> within(c.metAt(), from, to))
            .filter(
                c ->
                    divisionId == null
                        || divisionId.equals(history.divisionOn(c.employeeId(), day(c.metAt()))))
            .toList();
    long due = contacts.stream().mapToLong(Contact::touchesDue).sum();
    long onTime = contacts.stream().mapToLong(Contact::touchesOnTime).sum();
    long duePeople =
        people(contacts.stream().filter(c -> c.touchesDue() > 0).toList(), Contact::employeeId);
    long onTimePeople =
        people(contacts.stream().filter(c -> c.touchesOnTime() > 0).toList(), Contact::employeeId);
    figures.keepInTouch = Figure.rate(onTime, due, small(duePeople) || small(onTimePeople));
    return figures;
  }

  /** The divisions in the order the reports list them: by name. */
  private List<Division> divisionsByName() {
    return history.divisions.stream().sorted(Comparator.comparing(Division::name)).toList();
  }

  private Set<UUID> tooSmall(LocalDate from, LocalDate to) {
    return history.divisions.stream()
        .map(Division::id)
        .filter(d -> basePopulation(d, from, to) < SMALLEST_GROUP)
        .collect(Collectors.toSet());
  }

  /**
   * The pipeline of a division or the company: each additive figure suppressed over the line of
   * every division's and the company's (a division too small to report on hidden from the start),
   * the names by depth over the table of divisions by depth.
   */
  JsonObject pipeline(LocalDate from, LocalDate to, UUID divisionId) {
    Set<UUID> tooSmall = tooSmall(from, to);
    boolean all = divisionId != null && tooSmall.contains(divisionId);
    List<Division> divisions = divisionsByName();
    Map<UUID, PipelineFigures> byDivision = new HashMap<>();
    for (Division d : divisions) {
      PipelineFigures figures = pipelineFigures(from, to, d.id());
      if (tooSmall.contains(d.id())) {
        figures.additive().values().forEach(f -> f.suppressed = true);
        figures.depths.values().forEach(f -> f.suppressed = true);
        figures.given.suppressed = true;
      }
      byDivision.put(d.id(), figures);
    }
    PipelineFigures company = pipelineFigures(from, to, null);
    for (String name : company.additive().keySet()) {
      List<Figure> line = new ArrayList<>();
      divisions.forEach(d -> line.add(byDivision.get(d.id()).additive().get(name)));
      line.add(company.additive().get(name));
      complement(List.of(line), "pipeline " + name + " over the divisions");
    }
    List<List<Figure>> depthTable = new ArrayList<>();
    List<PipelineFigures> rows = new ArrayList<>();
    divisions.forEach(d -> rows.add(byDivision.get(d.id())));
    rows.add(company);
    for (PipelineFigures row : rows) {
      List<Figure> line = new ArrayList<>(row.depths.values());
      line.add(row.given);
      depthTable.add(line);
    }
    for (int c = 0; c <= 3; c++) {
      List<Figure> column = new ArrayList<>();
      for (List<Figure> line : depthTable) {
        column.add(line.get(c));
      }
      depthTable.add(column);
    }
    complement(depthTable, "pipeline chainDepth over the divisions");

    PipelineFigures mine = divisionId == null ? company : byDivision.get(divisionId);
    Map<String, Figure> funnel = mine.funnel;
    boolean sentHidden = funnel.get("SENT").suppressed;
    boolean heldHidden = funnel.get("HELD").suppressed;
    Map<String, Figure> rates = new LinkedHashMap<>();
    rates.put(
        "acceptance",
        Figure.rate(mine.accepted, mine.sent, funnel.get("ACCEPTED").suppressed || sentHidden));
    rates.put(
        "expiry",
        Figure.rate(
            mine.expired.value == null ? 0 : mine.expired.value.longValue(),
            mine.sent,
            mine.expired.suppressed || sentHidden));
    rates.put(
        "noShow",
        Figure.rate(
            mine.noShows,
            mine.held + mine.noShows,
            mine.noShow.suppressed || heldHidden || small(mine.heldOrNoShowPeople)));
    rates.put(
        "thankYouWithin48h",
        Figure.rate(mine.thankedOnTime, mine.held, mine.onTime.suppressed || heldHidden));
    Figure median = funnel.get("ANSWERED").suppressed ? Figure.suppressed() : mine.median;
    Figure given = mine.given;
    Figure perHeld = Figure.rate(mine.names, mine.held, given.suppressed || heldHidden);
    Map<String, Figure> depths = mine.depths;
    Figure keepInTouch = mine.keepInTouch;

    if (all) {
      for (Collection<Figure> figures : List.of(funnel.values(), rates.values(), depths.values())) {
        figures.forEach(f -> f.suppressed = true);
      }
      median = Figure.suppressed();
      given = Figure.suppressed();
      perHeld = Figure.suppressed();
      keepInTouch = Figure.suppressed();
    }
    JsonArrayBuilder funnelJson = Json.createArrayBuilder();
    funnel.forEach(
        (stage, f) ->
            funnelJson.add(Json.createObjectBuilder().add("stage", stage).add("count", f.json())));
    JsonObjectBuilder ratesJson = Json.createObjectBuilder();
    rates.forEach((name, f) -> ratesJson.add(name, f.json()));
    JsonArrayBuilder depthJson = Json.createArrayBuilder();
    depths.forEach(
        (depth, f) ->
            depthJson.add(Json.createObjectBuilder().add("depth", depth).add("count", f.json())));
    return period(from, to, divisionId)
        .add("allSuppressed", all)
        .add("funnel", funnelJson)
        .add("rates", ratesJson)
        .add("medianHoursToFirstAnswer", median.json())
        .add("referralsGiven", given.json())
        .add("referralsPerHeldInterview", perHeld.json())
        .add("chainDepth", depthJson)
        .add("keepInTouchAdherence", keepInTouch.json())
        .build();
  }

  private static List<Interview> withStatus(List<Interview> interviews, String status) {
    return interviews.stream().filter(i -> i.status().equals(status)).toList();
  }

  private static Figure depthCount(List<Referral> names, Predicate<Integer> depth) {
    List<Referral> these = names.stream().filter(n -> depth.test(n.depth())).toList();
    return Figure.count(these.size(), people(these, Referral::employeeId));
  }

  // Flows

  /** The fewer of the distinct employees and the distinct leaders behind some interviews. */
  private static long fewest(List<Interview> interviews) {
    return Math.min(
        people(interviews, Interview::employeeId), people(interviews, Interview::leaderId));
  }

  JsonObject flows(LocalDate from, LocalDate to) {
    List<Division> divisions =
        history.divisions.stream().sorted(Comparator.comparing(Division::name)).toList();
    int n = divisions.size();
    Map<UUID, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(divisions.get(i).id(), i);
    }
    List<List<List<Interview>>> cells = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      List<List<Interview>> row = new ArrayList<>();
      for (int c = 0; c < n; c++) {
        row.add(new ArrayList<>());
      }
      cells.add(row);
    }
    for (Interview i : history.interviews) {
      if (!i.status().equals("HELD") || !within(i.start(), from, to)) {
        continue;
      }
      LocalDate day = day(i.start());
      int r = index.get(history.divisionOn(i.employeeId(), day));
      int c = index.get(history.divisionOn(i.leaderId(), day));
      cells.get(r).get(c).add(i);
    }
    Figure[][] cellFigures = new Figure[n][n];
    Figure[] rowTotals = new Figure[n];
    Figure[] columnTotals = new Figure[n];
    List<Interview> everything = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      List<Interview> row = new ArrayList<>();
      for (int c = 0; c < n; c++) {
        List<Interview> cell = cells.get(r).get(c);
        cellFigures[r][c] = Figure.count(cell.size(), fewest(cell));
        row.addAll(cell);
      }
      rowTotals[r] = Figure.count(row.size(), fewest(row));
      everything.addAll(row);
    }
    for (int c = 0; c < n; c++) {
      List<Interview> column = new ArrayList<>();
      for (int r = 0; r < n; r++) {
        column.addAll(cells.get(r).get(c));
      }
      columnTotals[c] = Figure.count(column.size(), fewest(column));
    }
    Figure total = Figure.count(everything.size(), fewest(everything));

    // Rows top to bottom, the column totals' row last; then columns left to right, the row
    // totals' column last.
    List<List<Figure>> lines = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      List<Figure> line = new ArrayList<>(Arrays.asList(cellFigures[r]));
      line.add(rowTotals[r]);
      lines.add(line);
    }
    List<Figure> columnTotalsLine = new ArrayList<>(Arrays.asList(columnTotals));
    columnTotalsLine.add(total);
    lines.add(columnTotalsLine);
    for (int c = 0; c < n; c++) {
      List<Figure> line = new ArrayList<>();
      for (int r = 0; r < n; r++) {
        line.add(cellFigures[r][c]);
      }
      line.add(columnTotals[c]);
      lines.add(line);
    }
    List<Figure> rowTotalsLine = new ArrayList<>(Arrays.asList(rowTotals));
    rowTotalsLine.add(total);
    lines.add(rowTotalsLine);
    complement(lines, "flows " + from + ".." + to);

    JsonArrayBuilder divisionsJson = Json.createArrayBuilder();
    divisions.forEach(d -> divisionsJson.add(ref(d)));
    JsonArrayBuilder rows = Json.createArrayBuilder();
    for (int r = 0; r < n; r++) {
      JsonArrayBuilder row = Json.createArrayBuilder();
      for (int c = 0; c < n; c++) {
        row.add(cellFigures[r][c].json());
      }
      rows.add(
          Json.createObjectBuilder()
              .add("division", ref(divisions.get(r)))
              .add("cells", row)
              .add("total", rowTotals[r].json()));
    }
    JsonArrayBuilder columns = Json.createArrayBuilder();
    Arrays.stream(columnTotals).forEach(f -> columns.add(f.json()));
    return period(from, to, null)
        .add("divisions", divisionsJson)
        .add("rows", rows)
        .add("columnTotals", columns)
        .add("total", total.json())
        .build();
  }

  private static JsonObject ref(Division d) {
    return Json.createObjectBuilder().add("id", d.id().toString()).add("name", d.name()).build();
  }

  // Leaders

  static final List<String> LOAD_BUCKETS = List.of("0", "1", "2", "3-4", "5-9", "10+");

  private static String bucket(int held) {
    if (held <= 2) {
      return Integer.toString(held);
    }
    return held <= 4 ? "3-4" : held <= 9 ? "5-9" : "10+";
  }

  List<Person> eligibleLeaders(LocalDate from, LocalDate to, UUID divisionId) {
    return history.people.stream()
        .filter(p -> p.leader() && history.profiles.containsKey(p.id()))
        .filter(
            p ->
                !inactiveWithoutDate(p)
                    && (p.hiredOn() == null || !p.hiredOn().isAfter(to))
                    && (p.leftOn() == null || p.leftOn().isAfter(from)))
        .filter(p -> divisionId == null || history.divisionOn(p.id(), to).equals(divisionId))
        .toList();
  }

  /** A division's (or the company's) leaders: who is eligible and what each one held. */
  private final class LeaderFigures {
    List<Person> eligible;
    Set<UUID> accepting;
    Map<UUID, Integer> held;
    Figure eligibleFigure;
    Figure acceptingFigure;
    Figure heldFigure;
    final Map<String, Figure> load = new LinkedHashMap<>();
  }

  private LeaderFigures leaderFigures(LocalDate from, LocalDate to, UUID divisionId) {
    LeaderFigures figures = new LeaderFigures();
    figures.eligible = eligibleLeaders(from, to, divisionId);
    Set<UUID> ids = figures.eligible.stream().map(Person::id).collect(Collectors.toSet());
    int n = figures.eligible.size();
    figures.eligibleFigure = Figure.count(n, n);
    figures.accepting =
        history.interviews.stream()
            .filter(i -> ids.contains(i.leaderId()) && within(i.createdAt(), from, to))
            .map(Interview::leaderId)
            .collect(Collectors.toSet());
    figures.held = new HashMap<>();
    Map<UUID, Integer> held = figures.held;
    figures.eligible.forEach(p -> held.put(p.id(), 0));
    history.interviews.stream()
        .filter(i -> ids.contains(i.leaderId()))
        .filter(i -> i.status().equals("HELD") && within(i.start(), from, to))
        .forEach(i -> held.merge(i.leaderId(), 1, Integer::sum));
    long heldLeaders = held.values().stream().filter(c -> c > 0).count();
    figures.acceptingFigure = Figure.count(figures.accepting.size(), figures.accepting.size());
    figures.heldFigure = Figure.count(heldLeaders, heldLeaders);
    for (String b : LOAD_BUCKETS) {
      long leaders = held.values().stream().filter(c -> bucket(c).equals(b)).count();
      figures.load.put(b, Figure.count(leaders, leaders));
    }
    return figures;
  }

  /**
   * The leaders of a division or the company: the accepting and the held suppressed over the line
   * of every division's and the company's, the load over the table of divisions by bucket with the
   * eligible as its totals (a division too small to report on hidden from the start).
   */
  JsonObject leaders(LocalDate from, LocalDate to, UUID divisionId) {
    Set<UUID> tooSmall = tooSmall(from, to);
    boolean all = divisionId != null && tooSmall.contains(divisionId);
    List<Division> divisions = divisionsByName();
    Map<UUID, LeaderFigures> byDivision = new HashMap<>();
    for (Division d : divisions) {
      LeaderFigures figures = leaderFigures(from, to, d.id());
      if (tooSmall.contains(d.id())) {
        figures.eligibleFigure.suppressed = true;
        figures.acceptingFigure.suppressed = true;
        figures.heldFigure.suppressed = true;
        figures.load.values().forEach(f -> f.suppressed = true);
      }
      byDivision.put(d.id(), figures);
    }
    LeaderFigures company = leaderFigures(from, to, null);
    List<LeaderFigures> rows = new ArrayList<>();
    divisions.forEach(d -> rows.add(byDivision.get(d.id())));
    rows.add(company);
    complement(
        List.of(rows.stream().map(f -> f.acceptingFigure).toList()),
        "leaders counts over the divisions");
    // The load buckets add up to the eligible, all but "0" to the leaders who held one, "0" and
    // those to the eligible; each over the divisions to the company's.
    List<List<Figure>> loadLines = new ArrayList<>();
    for (LeaderFigures row : rows) {
      List<Figure> buckets = new ArrayList<>(row.load.values());
      List<Figure> toEligible = new ArrayList<>(buckets);
      toEligible.add(row.eligibleFigure);
      List<Figure> toHeld = new ArrayList<>(buckets.subList(1, buckets.size()));
      toHeld.add(row.heldFigure);
      loadLines.add(toEligible);
      loadLines.add(toHeld);
      loadLines.add(List.of(buckets.get(0), row.heldFigure, row.eligibleFigure));
    }
    for (int c = 0; c < LOAD_BUCKETS.size() + 2; c++) {
      List<Figure> column = new ArrayList<>();
      for (LeaderFigures row : rows) {
        List<Figure> figures = new ArrayList<>(row.load.values());
        figures.add(row.heldFigure);
        figures.add(row.eligibleFigure);
        column.add(figures.get(c));
      }
      loadLines.add(column);
    }
    complement(loadLines, "leaders load over the divisions");

    LeaderFigures mine = divisionId == null ? company : byDivision.get(divisionId);
    List<Person> eligible = mine.eligible;
    Set<UUID> ids = eligible.stream().map(Person::id).collect(Collectors.toSet());
    int n = eligible.size();
    Map<UUID, Integer> held = mine.held;
    long heldLeaders = held.values().stream().filter(c -> c > 0).count();
    Set<UUID> accepting = mine.accepting;
    Figure eligibleFigure = mine.eligibleFigure;
    boolean eligibleHidden = eligibleFigure.suppressed;
    Figure acceptingFigure = mine.acceptingFigure;
    Figure participation =
        Figure.rate(accepting.size(), n, acceptingFigure.suppressed || eligibleHidden);
    Map<String, Figure> load = mine.load;
    boolean heldHidden = mine.heldFigure.suppressed;
    Figure heldFigure = mine.heldFigure;
    Figure heldShare = Figure.rate(heldLeaders, n, heldHidden || eligibleHidden);
    // The Gini and the Lorenz curve only where none of the group's load figures is hidden.
    boolean anyHidden =
        heldHidden || eligibleHidden || load.values().stream().anyMatch(f -> f.suppressed);

    int[] counts = held.values().stream().mapToInt(Integer::intValue).sorted().toArray();
    long total = Arrays.stream(counts).asLongStream().sum();
    JsonArrayBuilder lorenz = Json.createArrayBuilder();
    if (!all && n >= 50 && total > 0 && !anyHidden) {
      for (int k = 0; k <= 10; k++) {
        int first = k * n / 10;
        long share = Arrays.stream(counts, 0, first).asLongStream().sum();
        lorenz.add(
            Json.createObjectBuilder()
                .add("leaderShare", BigDecimal.valueOf(k, 1))
                .add(
                    "interviewShare",
                    BigDecimal.valueOf(share)
                        .divide(BigDecimal.valueOf(total), 4, RoundingMode.HALF_EVEN)));
      }
    }
    Figure gini;
    if (anyHidden) {
      gini = Figure.suppressed();
    } else if (total == 0) {
      gini = Figure.none();
    } else {
      long weighted = 0;
      for (int i = 0; i < n; i++) {
        weighted += (long) (i + 1) * counts[i];
      }
      gini =
          Figure.decimal(
              BigDecimal.valueOf(2 * weighted - (long) (n + 1) * total)
                  .divide(BigDecimal.valueOf((long) n * total), 4, RoundingMode.HALF_EVEN));
    }
    List<Request> toEligible =
        history.requests.stream()
            .filter(r -> ids.contains(r.leaderId()) && within(r.createdAt(), from, to))
            .toList();
    List<Request> atCap =
        toEligible.stream()
            .filter(
                r ->
                    booked
                            .getOrDefault(r.leaderId(), Map.of())
                            .getOrDefault(YearMonth.from(day(r.createdAt())), 0)
                        >= caps.get(r.leaderId()))
            .toList();
    long leadersAtCap = people(atCap, Request::leaderId);
    Figure requestsAtCap =
        Figure.rate(atCap.size(), toEligible.size(), small(leadersAtCap) || eligibleHidden);

    if (all) {
      List<Figure> everything =
          new ArrayList<>(
              List.of(eligibleFigure, acceptingFigure, participation, heldFigure, heldShare));
      everything.addAll(load.values());
      everything.forEach(f -> f.suppressed = true);
      participation = Figure.suppressed();
      heldShare = Figure.suppressed();
      gini = Figure.suppressed();
      requestsAtCap = Figure.suppressed();
    }
    JsonArrayBuilder loadJson = Json.createArrayBuilder();
    load.forEach(
        (b, f) ->
            loadJson.add(Json.createObjectBuilder().add("bucket", b).add("leaders", f.json())));
    return period(from, to, divisionId)
        .add("allSuppressed", all)
        .add("eligibleLeaders", eligibleFigure.json())
        .add("acceptingLeaders", acceptingFigure.json())
        .add("participation", participation.json())
        .add("heldLeaders", heldFigure.json())
        .add("heldShare", heldShare.json())
        .add("load", loadJson)
        .add("lorenz", lorenz)
        .add("gini", gini.json())
        .add("requestsAtCap", requestsAtCap.json())
        .build();
  }

  // Mobility

  /** One person's window: where it starts and whether the person moved or stayed in it. */
  private record Window(Person person, LocalDate anchor, LocalDate end) {}

  JsonObject mobility(LocalDate from, LocalDate to, int months) {
    List<Person> population = history.people.stream().filter(p -> !inactiveWithoutDate(p)).toList();
    Map<UUID, Instant> firstHeld = new HashMap<>();
    for (Interview i : history.interviews) {
      if (i.status().equals("HELD")) {
        firstHeld.merge(i.employeeId(), i.start(), (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    List<Window> movesParticipants = participants(population, firstHeld, from, to, months);
    List<Window> movesOthers = nonParticipants(population, firstHeld, from, months);
    Predicate<Window> moved = w -> !movesIn(w).isEmpty();
    boolean observable = !from.plusMonths(months).isAfter(today);
    JsonObject participantsJson = proportion(movesParticipants, moved);
    JsonObject othersJson = observable ? proportion(movesOthers, moved) : unobservable();

    List<Move> counted = movesParticipants.stream().flatMap(w -> movesIn(w).stream()).toList();
    List<Move> intoInterviewed =
        counted.stream().filter(m -> interviewedDivisions(m).contains(m.toDivision())).toList();
    Figure into =
        Figure.rate(
            intoInterviewed.size(),
            counted.size(),
            small(people(intoInterviewed, Move::personId))
                || small(people(counted, Move::personId)));

    List<Window> stayParticipants = participants(population, firstHeld, from, to, 12);
    List<Window> stayOthers = nonParticipants(population, firstHeld, from, 12);
    Predicate<Window> stayed =
        w -> w.person().leftOn() == null || w.person().leftOn().isAfter(w.end());
    return Json.createObjectBuilder()
        .add("from", from.toString())
        .add("to", to.toString())
        .add("months", months)
        .add("moves", comparison(from, months, participantsJson, othersJson))
        .add("movesIntoInterviewedDivision", into.json())
        .add(
            "retention12Months",
            comparison(
                from,
                12,
                proportion(stayParticipants, stayed),
                from.plusMonths(12).isAfter(today)
                    ? unobservable()
                    : proportion(stayOthers, stayed)))
        .build();
  }

  private JsonObject comparison(
      LocalDate from, int months, JsonObject participants, JsonObject nonParticipants) {
    return Json.createObjectBuilder()
        .add("observable", !from.plusMonths(months).isAfter(today))
        .add("participants", participants)
        .add("nonParticipants", nonParticipants)
        .build();
  }

  private List<Window> participants(
      List<Person> population,
      Map<UUID, Instant> firstHeld,
      LocalDate from,
      LocalDate to,
      int months) {
    List<Window> windows = new ArrayList<>();
    for (Person p : population) {
      Instant first = firstHeld.get(p.id());
      if (first == null || !within(first, from, to)) {
        continue;
      }
      LocalDate anchor = day(first);
      LocalDate end = anchor.plusMonths(months);
      if (!end.isAfter(today)) {
        windows.add(new Window(p, anchor, end));
      }
    }
    return windows;
  }

  private List<Window> nonParticipants(
      List<Person> population, Map<UUID, Instant> firstHeld, LocalDate from, int months) {
    LocalDate end = from.plusMonths(months);
    if (end.isAfter(today)) {
      return List.of();
    }
    Instant before = end.atStartOfDay(ZoneOffset.UTC).toInstant();
    List<Window> windows = new ArrayList<>();
    for (Person p : population) {
      Instant first = firstHeld.get(p.id());
      if (employedOn(p, from) && (first == null || !first.isBefore(before))) {
        windows.add(new Window(p, from, end));
      }
    }
    return windows;
  }

  private List<Move> movesIn(Window w) {
    return history.moves.stream()
        .filter(m -> m.personId().equals(w.person().id()))
        .filter(m -> m.movedOn().isAfter(w.anchor()) && !m.movedOn().isAfter(w.end()))
        .toList();
  }

  /** The leaders' divisions (on the day) of the person's held interviews before the move. */
  private Set<UUID> interviewedDivisions(Move move) {
    Set<UUID> divisions = new HashSet<>();
    for (Interview i : history.interviews) {
      if (i.employeeId().equals(move.personId())
          && i.status().equals("HELD")
          && day(i.start()).isBefore(move.movedOn())) {
        divisions.add(history.divisionOn(i.leaderId(), day(i.start())));
      }
    }
    return divisions;
  }

  /** A group whose window has not ended: nothing to show yet. */
  private static JsonObject unobservable() {
    JsonObject none = Figure.none().json();
    return Json.createObjectBuilder()
        .add("people", none)
        .add("count", none)
        .add("rate", none)
        .add("low", none)
        .add("high", none)
        .build();
  }

  private static JsonObject proportion(List<Window> group, Predicate<Window> counted) {
    int n = group.size();
    long k = group.stream().filter(counted).count();
    JsonObject hidden = Figure.suppressed().json();
    if (n == 0) {
      JsonObject zero = Figure.count(0, 0).json();
      JsonObject none = Figure.none().json();
      return Json.createObjectBuilder()
          .add("people", zero)
          .add("count", zero)
          .add("rate", none)
          .add("low", none)
          .add("high", none)
          .build();
    }
    if (n < SMALLEST_GROUP) {
      return Json.createObjectBuilder()
          .add("people", hidden)
          .add("count", hidden)
          .add("rate", hidden)
          .add("low", hidden)
          .add("high", hidden)
          .build();
    }
    JsonObjectBuilder json = Json.createObjectBuilder().add("people", Figure.count(n, 0).json());
    if (small(k) || small(n - k)) {
      return json.add("count", hidden)
          .add("rate", hidden)
          .add("low", hidden)
          .add("high", hidden)
          .build();
    }
    double p = (double) k / n;
    double z2 = Z * Z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    return json.add("count", Figure.count(k, 0).json())
        .add("rate", Figure.rate(k, n, false).json())
        .add("low", Figure.decimal(round4(centre - half)).json())
        .add("high", Figure.decimal(round4(centre + half)).json())
        .build();
  }

  private static BigDecimal round4(double value) {
    return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN);
  }

  // Talent pool

  /** Active and not past a leaving date: the people the talent pool may list today. */
  private boolean present(Person p) {
    return p.active() && (p.leftOn() == null || p.leftOn().isAfter(history.today));
  }

  JsonObject talentPool(String topic, UUID divisionId) {
    boolean all =
        divisionId != null
            && history.people.stream()
                    .filter(p -> present(p) && p.divisionId().equals(divisionId))
                    .count()
                < SMALLEST_GROUP;
    Map<UUID, List<Feedback>> flags = new LinkedHashMap<>();
    for (Feedback f : history.feedback) {
      if (f.talentPool()) {
        flags.computeIfAbsent(f.employeeId(), id -> new ArrayList<>()).add(f);
      }
    }
    JsonArrayBuilder employees = Json.createArrayBuilder();
    if (!all) {
      history.people.stream()
          .filter(this::present)
          .filter(p -> flags.containsKey(p.id()))
          .filter(
              p -> {
                ReportsHistory.Consent consent = history.consents.get(p.id());
                return consent != null && consent.visibleToHr();
              })
          .filter(p -> divisionId == null || p.divisionId().equals(divisionId))
          .filter(
              p ->
                  topic == null
                      || flags.get(p.id()).stream()
                          .flatMap(f -> strengths(f).stream())
                          .anyMatch(s -> s.equalsIgnoreCase(topic)))
          .sorted(Comparator.comparing(p -> p.id().toString()))
          .forEach(
              p -> {
                JsonArrayBuilder given = Json.createArrayBuilder();
                flags.get(p.id()).stream()
                    .sorted(
                        Comparator.comparing((Feedback f) -> day(f.givenAt()))
                            .thenComparing(f -> f.leaderId().toString()))
                    .forEach(
                        f -> {
                          JsonArrayBuilder strengths = Json.createArrayBuilder();
                          strengths(f).forEach(strengths::add);
                          given.add(
                              Json.createObjectBuilder()
                                  .add("by", line(history.byId.get(f.leaderId())))
                                  .add("on", day(f.givenAt()).toString())
                                  .add("strengths", strengths));
                        });
                employees.add(
                    Json.createObjectBuilder().add("employee", line(p)).add("flags", given));
              });
    }
    JsonObjectBuilder json = Json.createObjectBuilder();
    if (topic != null) {
      json.add("topic", topic);
    }
    if (divisionId != null) {
      json.add("divisionId", divisionId.toString());
    }
    JsonArray listed = employees.build();
    return json.add("allSuppressed", all)
        .add("employees", listed)
        .add("total", listed.size())
        .build();
  }

  private static List<String> strengths(Feedback f) {
    return Arrays.stream(f.strengths().split(";"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private JsonObject line(Person p) {
    Division d =
        history.divisions.stream()
            .filter(x -> x.id().equals(p.divisionId()))
            .findFirst()
            .orElseThrow();
    return Json.createObjectBuilder()
        .add("id", p.id().toString())
        .add("displayName", p.displayName())
        .add("title", p.title())
        .add("division", ref(d))
        .build();
  }
}
