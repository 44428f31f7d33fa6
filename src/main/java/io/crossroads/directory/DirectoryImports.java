package io.crossroads.directory;

import static java.util.stream.Collectors.joining;

import io.crossroads.directory.DirectoryCsv.Row;
import io.crossroads.directory.DirectoryCsv.RowError;
import io.crossroads.people.DivisionsAtTheTime;
import io.crossroads.people.PeopleLeft;
import io.crossroads.people.PeopleReassigned;
import io.crossroads.platform.api.Page;
import io.crossroads.platform.jobs.JobKind;
import io.crossroads.platform.jobs.JobRuns;
import io.crossroads.platform.persistence.Columns;
import io.crossroads.platform.problem.Refusal;
import io.crossroads.platform.security.Caller;
import io.crossroads.program.Program;
import io.crossroads.program.ProgramRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.Session;

/**
 * Directory imports as stored, and applying one: every line checked (each line on its own, then
 * managers and reporting cycles across the file and the directory), then, only if nothing is wrong,
 * all changes in one transaction: new divisions, joiners, changes, division moves recorded as
 * internal moves with their date, and for a full export the leavers, kept for history but no longer
 * active, their open requests closed with a note and their interviews to come cancelled ({@link
 * PeopleLeft}). Whoever gets another manager, division or level is announced with {@link
 * PeopleReassigned}, so that what the program no longer allows them closes in the same transaction.
 *
 * <p>Hiring and leaving days: a line's {@code hiredOn} replaces the one held (an empty one keeps
 * it). Whoever the import makes inactive (marked inactive, a leaving day on or before the import
 * day, or absent from a full export) gets the line's leaving day, or else the import day. Someone
 * inactive who stays inactive keeps the day held; someone who comes back active has it cleared (or
 * replaced by a leaving day still ahead), so they count as employed again.
 */
@ApplicationScoped
public class DirectoryImports {

  /** Imports and syncs are long jobs: rows of directory_job, worked on by directory-import. */
  @Produces static final JobKind JOBS = new JobKind("directory_job", "directory-import");

  static final int PART = 200_000;
  private static final int BATCH = 1000;

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject JobRuns runs;
  @Inject Program program;
  @Inject Event<PeopleLeft> left;
  @Inject Event<PeopleReassigned> reassignments;

  /**
   * A job's state for the API: its progress, what it changed once done ({@code changes}, null
   * before), and when it failed, why ({@code error}) and each problem found in the file by line and
   * column ({@code errors}, in the file's and our own words only).
   */
  public record JobView(
      UUID id,
      String kind,
      String status,
      Progress progress,
      boolean fullSnapshot,
      Summary changes,
      List<RowError> errors,
      String summary,
      String error,
      Instant createdAt,
      Instant startedAt,
      Instant finishedAt) {}

  /** A job in the list of jobs: as its view, with how many problems it found instead of them. */
  public record JobSummary(
      UUID id,
      String kind,
      String status,
      Progress progress,
      boolean fullSnapshot,
      Summary changes,
      int problems,
      String summary,
      String error,
      Instant createdAt,
      Instant startedAt,
      Instant finishedAt) {}

  public record Progress(int done, int total) {}

  /**
   * Stores the file as a queued import, read part by part; the job is started once this commits. A
   * file with nothing but white space is refused and leaves nothing behind.
   */
  @Transactional
  public UUID submit(Caller caller, Path file, Charset charset, boolean full) throws IOException {
    UUID id = UUID.randomUUID();
    em.createNativeQuery(
            "insert into directory_job (id, kind, full_snapshot, status, progress_done,"
                + " progress_total, created_by, created_at, attempt, version)"
                + " values (?1, 'IMPORT', ?2, 'QUEUED', 0, 0, ?3, ?4, 0, 0)")
        .setParameter(1, id)
        .setParameter(2, full)
        .setParameter(3, caller.id())
        .setParameter(4, clock.instant())
        .executeUpdate();
    long lines = 0;
    boolean content = false;
    char last = '\n';
    char[] buffer = new char[PART];
    try (Reader in = Files.newBufferedReader(file, charset)) {
      for (int part = 0, n; (n = fill(in, buffer)) > 0; part++) {
        for (int i = 0; i < n; i++) {
          char c = buffer[i];
          if (c == '\n') {
            lines++;
          }
          content |= !Character.isWhitespace(c);
        }
        last = buffer[n - 1];
        em.createNativeQuery(
                "insert into directory_upload (job_id, part, content) values (?1, ?2, ?3)")
            .setParameter(1, id)
            .setParameter(2, part)
            .setParameter(3, new String(buffer, 0, n))
            .executeUpdate();
      }
    } catch (java.nio.charset.CharacterCodingException notInCharset) {
      throw Refusal.invalid("body", "the file is not " + charset.name());
    }
    if (!content) {
      throw Refusal.invalid("body", "the file is empty");
    }
    if (last != '\n') {
      lines++;
    }
    em.createNativeQuery("update directory_job set progress_total = ?1 where id = ?2")
        .setParameter(1, (int) Math.min(Integer.MAX_VALUE, 2 * Math.max(0, lines - 1)))
        .setParameter(2, id)
        .executeUpdate();
    return id;
  }

  /** Reads until the buffer is full or the input ends; how many chars were read. */
  private static int fill(Reader in, char[] buffer) throws IOException {
    int n = 0;
    for (int read; n < buffer.length && (read = in.read(buffer, n, buffer.length - n)) != -1; ) {
      n += read;
    }
    return n;
  }

  /**
   * Stores a queued sync from Keycloak, started by HR or (for the very first sync of an empty
   * directory) by the system. A sync is always a full export: whoever Keycloak no longer has
   * leaves.
   */
  @Transactional
  public UUID submitSync(UUID by) {
    UUID id = UUID.randomUUID();
    em.createNativeQuery(
            "insert into directory_job (id, kind, full_snapshot, status, progress_done,"
                + " progress_total, created_by, created_at, attempt, version)"
                + " values (?1, 'SYNC', true, 'QUEUED', 0, 0, ?2, ?3, 0, 0)")
        .setParameter(1, id)
        .setParameter(2, by)
        .setParameter(3, clock.instant())
        .executeUpdate();
    return id;
  }

  /** Whether anyone at all is active in the directory. */
  @Transactional
  public boolean empty() {
    return em.createQuery("select count(p) from Person p where p.active = true", Long.class)
            .getSingleResult()
        == 0;
  }

  /** Whether anyone active is not linked to an identity provider's account. */
  @Transactional
  public boolean unlinked() {
    return !em.createNativeQuery(
            "select id from person where active = true and oidc_subject is null")
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /** The kind of a job: IMPORT or SYNC. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public String kind(UUID id) {
    return (String)
        em.createNativeQuery("select kind from directory_job where id = ?1")
            .setParameter(1, id)
            .getSingleResult();
  }

  /** Sets how many steps the job has, once it knows. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void total(UUID id, int total) {
    em.createNativeQuery("update directory_job set progress_total = ?1 where id = ?2")
        .setParameter(1, total)
        .setParameter(2, id)
        .executeUpdate();
  }

  private static final String JOB_COLUMNS =
      "cast(j.id as varchar(36)), j.kind, j.status, j.progress_done, j.progress_total,"
          + " j.full_snapshot, j.summary, j.error, j.created_at, j.started_at, j.finished_at,"
          + " (select count(*) from directory_job_error e where e.job_id = j.id)";

  @Transactional
  public JobView view(UUID id) {
    List<Object[]> rows =
        em.createNativeQuery("select " + JOB_COLUMNS + " from directory_job j where j.id = ?1")
            .setParameter(1, id)
            .getResultList();
    if (rows.isEmpty()) {
      throw Refusal.notFound("The job");
    }
    JobSummary job = summary(rows.get(0));
    List<RowError> errors = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "select line, field, message from directory_job_error"
                    + " where job_id = ?1 order by position")
            .setParameter(1, id)
            .getResultList()) {
      Object[] e = (Object[]) row;
      errors.add(new RowError(((Number) e[0]).intValue(), (String) e[1], (String) e[2]));
    }
    return new JobView(
        job.id(),
        job.kind(),
        job.status(),
        job.progress(),
        job.fullSnapshot(),
        job.changes(),
        errors,
        job.summary(),
        job.error(),
        job.createdAt(),
        job.startedAt(),
        job.finishedAt());
  }

  /** Imports and syncs ({@code kind} IMPORT or SYNC; null for both), newest first. */
  @Transactional
  public Page<JobSummary> list(String kind, int limit, int offset) {
    String where = kind == null ? "" : " where j.kind = ?1";
    Query select =
        em.createNativeQuery(
                "select "
                    + JOB_COLUMNS
                    + " from directory_job j"
                    + where
                    + " order by j.created_at desc, j.id")
            .setFirstResult(offset)
            .setMaxResults(limit);
    Query count = em.createNativeQuery("select count(*) from directory_job j" + where);
    if (kind != null) {
      select.setParameter(1, kind);
      count.setParameter(1, kind);
    }
    List<Object[]> rows = select.getResultList();
    return new Page<>(
        rows.stream().map(DirectoryImports::summary).toList(),
        ((Number) count.getSingleResult()).longValue());
  }

  private static JobSummary summary(Object[] r) {
    String summary = (String) r[6];
    return new JobSummary(
        UUID.fromString((String) r[0]),
        (String) r[1],
        (String) r[2],
        new Progress(((Number) r[3]).intValue(), ((Number) r[4]).intValue()),
        Boolean.TRUE.equals(r[5]),
        "DONE".equals(r[2]) ? Summary.parse(summary) : null,
        ((Number) r[11]).intValue(),
        summary,
        (String) r[7],
        Columns.instant(r[8]),
        Columns.instant(r[9]),
        Columns.instant(r[10]));
  }

  /** The uploaded file and whether it is a full export. */
  public record Upload(String csv, boolean full) {}

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Upload upload(UUID id) {
    StringBuilder csv = new StringBuilder();
    for (Object part :
        em.createNativeQuery("select content from directory_upload where job_id = ?1 order by part")
            .setParameter(1, id)
            .getResultList()) {
      csv.append((String) part);
    }
    Object full =
        em.createNativeQuery("select full_snapshot from directory_job where id = ?1")
            .setParameter(1, id)
            .getSingleResult();
    return new Upload(csv.toString(), Boolean.TRUE.equals(full));
  }

  /** Ends the attempt as FAILED with the errors found; nothing else changes. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void reject(UUID id, int attempt, List<RowError> errors) {
    em.createNativeQuery("delete from directory_job_error where job_id = ?1")
        .setParameter(1, id)
        .executeUpdate();
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement insert =
                  connection.prepareStatement(
                      "insert into directory_job_error (job_id, position, line, field, message) values (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < errors.size(); i++) {
                  RowError e = errors.get(i);
                  insert.setObject(1, id);
                  insert.setInt(2, i);
                  insert.setInt(3, e.line());
                  insert.setString(4, e.field());
                  insert.setString(5, JobRuns.truncate(e.message(), 500));
                  insert.addBatch();
                }
                insert.executeBatch();
              }
            });
    em.createNativeQuery(
            "update directory_job set status = 'FAILED', finished_at = ?1, error = ?2,"
                + " version = version + 1 where id = ?3 and attempt = ?4")
        .setParameter(1, clock.instant())
        .setParameter(
            2,
            errors.size()
                + " problem"
                + (errors.size() == 1 ? "" : "s")
                + " in the file; nothing was changed")
        .setParameter(3, id)
        .setParameter(4, attempt)
        .executeUpdate();
    discardUpload(id);
  }

  /**
   * Ends the attempt as FAILED with an error a person can read, and deletes the uploaded file: it
   * holds the whole company's personal data, and a failed import is started again from a new
   * upload.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void fail(UUID id, int attempt, String error) {
    runs.fail(JOBS, id, attempt, error);
    discardUpload(id);
  }

  /** Deletes the upload of a job that has ended, whichever way; one still running keeps it. */
  private void discardUpload(UUID id) {
    em.createNativeQuery(
            "delete from directory_upload where job_id = ?1 and exists (select 1 from directory_job j"
                + " where j.id = ?1 and j.status in ('DONE', 'FAILED'))")
        .setParameter(1, id)
        .executeUpdate();
  }

  /** Counts of what an import changed, kept as the sentence {@link #toString} writes. */
  public record Summary(int created, int updated, int moved, int deactivated, int unchanged) {

    private static final Pattern TEXT =
        Pattern.compile(
            "(\\d{1,9}) created, (\\d{1,9}) updated, (\\d{1,9}) moved division, (\\d{1,9}) deactivated,"
                + " (\\d{1,9}) unchanged");

    /** The counts in a sentence {@link #toString} wrote; null for any other text. */
    static Summary parse(String text) {
      Matcher m = text == null ? null : TEXT.matcher(text);
      if (m == null || !m.matches()) {
        return null;
      }
      int[] n = new int[5];
      for (int i = 0; i < n.length; i++) {
        n[i] = Integer.parseInt(m.group(i + 1));
      }
      return new Summary(n[0], n[1], n[2], n[3], n[4]);
    }

    @Override
    public String toString() {
      return created
          + " created, "
          + updated
          + " updated, "
          + moved
          + " moved division, "
          + deactivated
          + " deactivated, "
          + unchanged
          + " unchanged";
    }
  }

  /** The outcome of applying: the errors found across lines, or what was changed. */
  public record Applied(List<RowError> errors, Summary summary) {}

  /**
   * Checks the rows against the directory and applies them, all in this one transaction, if the
   * attempt still owns the job; otherwise changes nothing and returns null.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Applied apply(UUID id, int attempt, List<Row> rows, boolean full) {
    return apply(id, attempt, rows, Map.of(), full);
  }

  /**
   * As {@link #apply(UUID, int, List, boolean)}, for rows that come with the identity provider's
   * account of each user name ({@code subjects}: user name to Keycloak user id, the tokens' {@code
   * sub}). People are then matched by account first; see {@link Identities}.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Applied apply(
      UUID id, int attempt, List<Row> rows, Map<String, String> subjects, boolean full) {
    Object owner =
        em
            .createNativeQuery(
                "select attempt from directory_job where id = ?1 and status = 'RUNNING' for update")
            .setParameter(1, id)
            .getResultList()
            .stream()
            .findFirst()
            .orElse(null);
    if (owner == null || ((Number) owner).intValue() != attempt) {
      return null;
    }
    Instant now = clock.instant();
    Summary[] summary = new Summary[1];
    List<RowError> errors = new ArrayList<>();
    List<UUID> leavers = new ArrayList<>();
    Set<UUID> reassigned = new HashSet<>();
    Set<UUID> levelChanged = new HashSet<>();
    ProgramRules rules = program.rules();
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              Identities identities = Identities.of(rows, subjects, Existing.read(connection));
              Existing existing = identities.existing();
              Map<String, Row> byUsername = new HashMap<>();
              rows.forEach(r -> byUsername.put(r.username(), r));
              for (Row row : rows) {
                if (row.manager() != null
                    && !byUsername.containsKey(row.manager())
                    && !existing.byUsername.containsKey(row.manager())) {
                  errors.add(
                      new RowError(
                          row.line(),
                          "manager",
                          "no person " + row.manager() + " in the file or the directory"));
                }
              }
              errors.addAll(cycles(rows, byUsername, existing));
              errors.addAll(dates(rows, existing, today(now)));
              if (!errors.isEmpty()) {
                return;
              }
              identities.write(connection);
              summary[0] =
                  write(
                      connection,
                      id,
                      rows,
                      subjects,
                      existing,
                      full,
                      now,
                      rules,
                      leavers,
                      reassigned,
                      levelChanged);
            });
    if (!leavers.isEmpty()) {
      // Whoever holds something of a leaver's (their open requests) closes it, in this transaction.
      left.fire(new PeopleLeft(leavers, now));
    }
    if (!reassigned.isEmpty() || !levelChanged.isEmpty()) {
      // What the program no longer allows them, or anyone below them, closes in this transaction.
      reassignments.fire(new PeopleReassigned(reassigned, levelChanged, now));
    }
    return new Applied(errors, summary[0]);
  }

  private static LocalDate today(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC);
  }

  /** Hiring and leaving days as they will be after the line is applied. */
  private record Dates(LocalDate hiredOn, LocalDate leftOn, boolean active) {

    static Dates of(Row row, Person current, LocalDate today) {
      LocalDate hired =
          row.hiredOn() != null ? row.hiredOn() : current == null ? null : current.hiredOn();
      if (!row.leftBy(today)) {
        return new Dates(hired, row.leftOn(), true);
      }
      LocalDate left;
      if (row.leftOn() != null) {
        left = row.leftOn();
      } else if (current == null || !current.active()) {
        // Not leaving now: a newcomer listed as gone, or someone who had already left.
        left = current == null ? null : current.leftOn();
      } else {
        left = today;
      }
      return new Dates(hired, left, false);
    }
  }

  /** Lines whose days contradict each other, or the days the directory already holds. */
  private static List<RowError> dates(List<Row> rows, Existing existing, LocalDate today) {
    List<RowError> errors = new ArrayList<>();
    for (Row row : rows) {
      Dates dates = Dates.of(row, existing.byUsername.get(row.username()), today);
      if (!row.active() && row.leftOn() != null && row.leftOn().isAfter(today)) {
        errors.add(
            new RowError(
                row.line(),
                "leftOn",
                "the line marks "
                    + row.username()
                    + " inactive, but their leaving day "
                    + row.leftOn()
                    + " is after the import day "
                    + today));
      } else if (dates.hiredOn() != null
          && dates.leftOn() != null
          && dates.leftOn().isBefore(dates.hiredOn())) {
        // Only the file's own days are named: a day the directory holds is not the file's to show.
        Person current = existing.byUsername.get(row.username());
        String leaving =
            row.leftOn() != null
                ? "leaving day " + row.leftOn()
                : current != null && !current.active()
                    ? "leaving day the directory holds"
                    : "leaving day (the day of the import, " + today + ")";
        String hiring =
            row.hiredOn() != null
                ? "hiring day " + row.hiredOn()
                : "hiring day the directory holds";
        errors.add(
            new RowError(
                row.line(),
                row.hiredOn() != null ? "hiredOn" : row.leftOn() != null ? "leftOn" : "active",
                "for " + row.username() + ", the " + leaving + " would be before the " + hiring));
      }
    }
    return errors;
  }

  /** Reporting lines that loop, following the file first and the directory for everyone else. */
  private static List<RowError> cycles(
      List<Row> rows, Map<String, Row> byUsername, Existing existing) {
    List<RowError> errors = new ArrayList<>();
    for (Row row : rows) {
      Set<String> seen = new HashSet<>();
      String current = row.username();
      while (current != null && seen.add(current)) {
        Row inFile = byUsername.get(current);
        current = inFile != null ? inFile.manager() : existing.managerOf(current);
      }
      if (current != null && current.equals(row.username())) {
        errors.add(
            new RowError(
                row.line(),
                "manager",
                "the reporting line of " + row.username() + " loops back to them"));
      }
    }
    return errors;
  }

  private Summary write(
      Connection connection,
      UUID jobId,
      List<Row> rows,
      Map<String, String> subjects,
      Existing existing,
      boolean full,
      Instant now,
      ProgramRules rules,
      List<UUID> leavers,
      Set<UUID> reassigned,
      Set<UUID> levelChanged)
      throws SQLException {
    Map<String, UUID> divisions = new HashMap<>(existing.divisions);
    try (PreparedStatement insert =
        connection.prepareStatement("insert into division (id, name) values (?, ?)")) {
      for (Row row : rows) {
        if (!divisions.containsKey(row.division())) {
          UUID division = UUID.randomUUID();
          divisions.put(row.division(), division);
          insert.setObject(1, division);
          insert.setString(2, row.division());
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
    Map<String, UUID> ids = new HashMap<>();
    List<UUID> markedInactive = new ArrayList<>();
    List<UUID> movers = new ArrayList<>();
    existing.byUsername.forEach((username, person) -> ids.put(username, person.id));
    int created = 0;
    int updated = 0;
    int moved = 0;
    LocalDate today = today(now);
    try (PreparedStatement insert =
            connection.prepareStatement(
                "insert into person (id, username,"
                    + " display_name, email, division_id, title, level, manager_id, time_zone, leader, hr, active,"
                    + " hired_on, left_on, oidc_subject)"
                    + " values (?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement update =
            connection.prepareStatement(
                "update person set display_name = ?,"
                    + " email = ?, division_id = ?, title = ?, level = ?, time_zone = ?, leader = ?, hr = ?,"
                    + " active = ?, hired_on = ?, left_on = ? where id = ?");
        PreparedStatement move =
            connection.prepareStatement(
                "insert into internal_move (id, person_id,"
                    + " from_division, to_division, moved_on, recorded_at, job_id) values (?, ?, ?, ?, ?, ?, ?)")) {
      for (Row row : rows) {
        UUID division = divisions.get(row.division());
        Person current = existing.byUsername.get(row.username());
        Dates dates = Dates.of(row, current, today);
        if (current == null) {
          UUID id = UUID.randomUUID();
          ids.put(row.username(), id);
          insert.setObject(1, id);
          insert.setString(2, row.username());
          insert.setString(3, row.displayName());
          insert.setString(4, row.email());
          insert.setObject(5, division);
          insert.setString(6, row.title());
          insert.setInt(7, row.level());
          insert.setString(8, row.timeZone().getId());
          insert.setBoolean(9, row.leader());
          insert.setBoolean(10, row.hr());
          insert.setBoolean(11, dates.active());
          insert.setObject(12, dates.hiredOn());
          insert.setObject(13, dates.leftOn());
          insert.setString(14, subjects.get(row.username()));
          insert.addBatch();
          created++;
        } else if (current.differsFrom(row, division, dates)) {
          update.setString(1, row.displayName());
          update.setString(2, row.email());
          update.setObject(3, division);
          update.setString(4, row.title());
          update.setInt(5, row.level());
          update.setString(6, row.timeZone().getId());
          update.setBoolean(7, row.leader());
          update.setBoolean(8, row.hr());
          update.setBoolean(9, dates.active());
          update.setObject(10, dates.hiredOn());
          update.setObject(11, dates.leftOn());
          update.setObject(12, current.id);
          update.addBatch();
          updated++;
          if (current.active && !dates.active()) {
            // Marked inactive by the line itself (an HRIS leaver, a user disabled in Keycloak).
            markedInactive.add(current.id);
          }
          if (current.level != row.level()) {
            // The level band of Eligibility.pair reads it: their own pairs are asked about again.
            levelChanged.add(current.id);
          }
          if (!current.division.equals(division)) {
            move.setObject(1, UUID.randomUUID());
            move.setObject(2, current.id);
            move.setObject(3, current.division);
            move.setObject(4, division);
            move.setObject(5, row.movedOn() == null ? today : row.movedOn());
            move.setTimestamp(6, Timestamp.from(now));
            move.setObject(7, jobId);
            move.addBatch();
            movers.add(current.id);
            moved++;
          }
        }
        if ((created + updated) % BATCH == 0) {
          insert.executeBatch();
          update.executeBatch();
        }
      }
      insert.executeBatch();
      update.executeBatch();
      move.executeBatch();
    }
    DivisionsAtTheTime.forget(connection, movers);
    reassigned.addAll(movers);
    int managerChanges = 0;
    try (PreparedStatement manage =
        connection.prepareStatement("update person set manager_id = ? where id = ?")) {
      for (Row row : rows) {
        UUID manager = row.manager() == null ? null : ids.get(row.manager());
        Person current = existing.byUsername.get(row.username());
        UUID before = current == null ? null : current.manager;
        if (!Objects.equals(manager, before)) {
          manage.setObject(1, manager);
          manage.setObject(2, ids.get(row.username()));
          manage.addBatch();
          if (current != null) {
            reassigned.add(current.id);
          }
          if (current != null
              && !current.differsFrom(
                  row, divisions.get(row.division()), Dates.of(row, current, today))) {
            managerChanges++;
          }
        }
      }
      manage.executeBatch();
    }
    try (PreparedStatement profile =
        connection.prepareStatement(
            "insert into leader_profile (person_id,"
                + " accepting_requests, bio, monthly_cap, lengths, formats, version) values (?, true, '', ?, ?, ?, 0)")) {
      for (Row row : rows) {
        if (row.leader() && !existing.leaders.contains(ids.get(row.username()))) {
          profile.setObject(1, ids.get(row.username()));
          profile.setInt(2, rules.defaultMonthlyCap());
          profile.setString(3, rules.lengths().stream().map(String::valueOf).collect(joining(",")));
          profile.setString(4, "VIDEO,PHONE,IN_PERSON");
          profile.addBatch();
        }
      }
      profile.executeBatch();
    }
    int deactivated = 0;
    leavers.addAll(markedInactive);
    if (full) {
      Set<String> listed = new HashSet<>();
      rows.forEach(r -> listed.add(r.username()));
      existing.byUsername.forEach(
          (username, person) -> {
            if (person.active && !listed.contains(username)) {
              leavers.add(person.id);
            }
          });
      deactivated =
          leave(connection, leavers.subList(markedInactive.size(), leavers.size()), today);
    }
    int changed = updated + managerChanges;
    return new Summary(created, changed, moved, deactivated, rows.size() - created - changed);
  }

  /** Leavers stay for history but are no longer active; they left on the import day. */
  private static int leave(Connection connection, List<UUID> leavers, LocalDate today)
      throws SQLException {
    try (PreparedStatement deactivate =
        connection.prepareStatement("update person set active = false, left_on = ? where id = ?")) {
      for (UUID leaver : leavers) {
        deactivate.setObject(1, today);
        deactivate.setObject(2, leaver);
        deactivate.addBatch();
      }
      deactivate.executeBatch();
    }
    return leavers.size();
  }

  /** Marks the job done with what it changed. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void finish(UUID id, int attempt, Summary summary) {
    em.createNativeQuery(
            "update directory_job set status = 'DONE', summary = ?1, finished_at = ?2,"
                + " progress_done = progress_total, version = version + 1 where id = ?3 and attempt = ?4")
        .setParameter(1, summary.toString())
        .setParameter(2, clock.instant())
        .setParameter(3, id)
        .setParameter(4, attempt)
        .executeUpdate();
    em.createNativeQuery("delete from directory_upload where job_id = ?1")
        .setParameter(1, id)
        .executeUpdate();
  }

  /** A person as the directory has them now, for comparison. */
  private record Person(
      UUID id,
      String displayName,
      String email,
      UUID division,
      String title,
      int level,
      UUID manager,
      String timeZone,
      boolean leader,
      boolean hr,
      boolean active,
      LocalDate hiredOn,
      LocalDate leftOn) {

    boolean differsFrom(Row row, UUID division, Dates dates) {
      return !displayName.equals(row.displayName())
          || !email.equals(row.email())
          || !this.division.equals(division)
          || !Objects.equals(title, row.title())
          || level != row.level()
          || !timeZone.equals(row.timeZone().getId())
          || leader != row.leader()
          || hr != row.hr()
          || active != dates.active()
          || !Objects.equals(hiredOn, dates.hiredOn())
          || !Objects.equals(leftOn, dates.leftOn());
    }
  }

  /**
   * Who each synced account is in the directory, by the identity provider's user id rather than its
   * user name (which the provider may give to someone else): the person linked to that account;
   * else the person with its user name who is linked to no account yet (people imported before, now
   * linked); else someone new. A person linked to an account whose user name changed takes the new
   * name. A person holding a user name that now belongs to another account gives it up: renamed out
   * of the way, and since no line lists them any more, the sync has them leave like anyone the
   * provider no longer has. Their history stays theirs; the new account starts as a new person.
   */
  private record Identities(
      Existing existing, Map<UUID, String> renamed, Map<UUID, String> linked) {

    static Identities of(List<Row> rows, Map<String, String> subjects, Existing before) {
      Map<UUID, String> renamed = new HashMap<>();
      Map<UUID, String> linked = new HashMap<>();
      if (subjects.isEmpty()) {
        return new Identities(before, renamed, linked);
      }
      Map<String, UUID> bySubject = new HashMap<>();
      before.subjects().forEach((person, subject) -> bySubject.put(subject, person));
      Set<UUID> matched = new HashSet<>();
      Set<String> claimed = new HashSet<>();
      for (Row row : rows) {
        String subject = subjects.get(row.username());
        if (subject == null) {
          continue;
        }
        claimed.add(row.username());
        UUID person = bySubject.get(subject);
        if (person == null) {
          Person holder = before.byUsername().get(row.username());
          if (holder != null && !before.subjects().containsKey(holder.id())) {
            person = holder.id();
            linked.put(person, subject);
          }
        }
        if (person != null) {
          matched.add(person);
          if (!before.usernames().get(person).equals(row.username())) {
            renamed.put(person, row.username());
          }
        }
      }
      before
          .byUsername()
          .forEach(
              (username, person) -> {
                if (!matched.contains(person.id()) && claimed.contains(username)) {
                  renamed.put(person.id(), retired(username, person.id()));
                }
              });
      if (renamed.isEmpty()) {
        return new Identities(before, renamed, linked);
      }
      Map<String, Person> byUsername = new HashMap<>();
      Map<UUID, String> usernames = new HashMap<>();
      before
          .byUsername()
          .forEach(
              (username, person) -> {
                String now = renamed.getOrDefault(person.id(), username);
                byUsername.put(now, person);
                usernames.put(person.id(), now);
              });
      return new Identities(
          new Existing(
              byUsername, usernames, before.divisions(), before.leaders(), before.subjects()),
          renamed,
          linked);
    }

    /** A user name no account can have (no user name has a "~"), unique by the person's id. */
    private static String retired(String username, UUID person) {
      return username.substring(0, Math.min(username.length(), 60)) + "~" + person;
    }

    /** Renames (through names nobody has, so no two clash on the way) and links, first. */
    void write(Connection connection) throws SQLException {
      try (PreparedStatement rename =
          connection.prepareStatement("update person set username = ? where id = ?")) {
        for (UUID person : renamed.keySet()) {
          rename.setString(1, "~" + person);
          rename.setObject(2, person);
          rename.addBatch();
        }
        rename.executeBatch();
        for (Map.Entry<UUID, String> name : renamed.entrySet()) {
          rename.setString(1, name.getValue());
          rename.setObject(2, name.getKey());
          rename.addBatch();
        }
        rename.executeBatch();
      }
      try (PreparedStatement link =
          connection.prepareStatement("update person set oidc_subject = ? where id = ?")) {
        for (Map.Entry<UUID, String> account : linked.entrySet()) {
          link.setString(1, account.getValue());
          link.setObject(2, account.getKey());
          link.addBatch();
        }
        link.executeBatch();
      }
    }
  }

  /** The whole directory, read once per import. */
  private record Existing(
      Map<String, Person> byUsername,
      Map<UUID, String> usernames,
      Map<String, UUID> divisions,
      Set<UUID> leaders,
      Map<UUID, String> subjects) {

    static Existing read(Connection connection) throws SQLException {
      Map<String, Person> byUsername = new HashMap<>();
      Map<UUID, String> usernames = new HashMap<>();
      Map<UUID, String> subjects = new HashMap<>();
      try (PreparedStatement select =
              connection.prepareStatement(
                  "select id, username, display_name,"
                      + " email, division_id, title, level, manager_id, time_zone, leader, hr, active,"
                      + " hired_on, left_on, oidc_subject from person");
          ResultSet r = select.executeQuery()) {
        while (r.next()) {
          Person p =
              new Person(
                  r.getObject(1, UUID.class),
                  r.getString(3),
                  r.getString(4),
                  r.getObject(5, UUID.class),
                  r.getString(6),
                  r.getInt(7),
                  r.getObject(8, UUID.class),
                  r.getString(9),
                  r.getBoolean(10),
                  r.getBoolean(11),
                  r.getBoolean(12),
                  r.getObject(13, LocalDate.class),
                  r.getObject(14, LocalDate.class));
          byUsername.put(r.getString(2), p);
          usernames.put(p.id(), r.getString(2));
          if (r.getString(15) != null) {
            subjects.put(p.id(), r.getString(15));
          }
        }
      }
      Map<String, UUID> divisions = new HashMap<>();
      try (PreparedStatement select = connection.prepareStatement("select id, name from division");
          ResultSet r = select.executeQuery()) {
        while (r.next()) {
          divisions.put(r.getString(2), r.getObject(1, UUID.class));
        }
      }
      Set<UUID> leaders = new HashSet<>();
      try (PreparedStatement select =
              connection.prepareStatement("select person_id from leader_profile");
          ResultSet r = select.executeQuery()) {
        while (r.next()) {
          leaders.add(r.getObject(1, UUID.class));
        }
      }
      return new Existing(byUsername, usernames, divisions, leaders, subjects);
    }

    String managerOf(String username) {
      Person person = byUsername.get(username);
      return person == null || person.manager() == null ? null : usernames.get(person.manager());
    }
  }
}
