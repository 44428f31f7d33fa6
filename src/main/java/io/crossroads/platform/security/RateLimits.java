package io.crossroads.platform.security;

import io.crossroads.platform.jobs.ScheduledRuns;
import io.crossroads.platform.persistence.DatabaseMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Counts attempts per person and action in fixed windows, in the database, so that the limit is the
 * same however many instances share the load. Each count commits on its own: a refused or failed
 * attempt still counts.
 */
@ApplicationScoped
class RateLimits {

  @PersistenceContext EntityManager em;

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @Inject Clock clock;
  @Inject RateLimits self;

  /** Counts an attempt; empty if allowed, otherwise how long until the window ends. */
  public Optional<Duration> attempt(String action, String subject, int limit, Duration window) {
    return attempt(action, subject, limit, window, clock.instant());
  }

  /** Counts an attempt made at {@code now}; empty if allowed, otherwise the time left. */
  public Optional<Duration> attempt(
      String action, String subject, int limit, Duration window, Instant now) {
    Instant start = ScheduledRuns.periodStart(now, window);
    if (self.count(action, subject, start, limit)
        || opened(action, subject, start)
        || self.count(action, subject, start, limit)) {
      return Optional.empty();
    }
    return Optional.of(left(now, start, window));
  }

  /** A count to look at: an action, whose attempts, and how many the window allows. */
  record Count(String action, String subject, int limit) {}

  /**
   * Without counting: a condition over {@code rate_window}, with its JDBC parameters ({@code ?},
   * bound from position {@code first} on), true for a row of the window of {@code now} in which one
   * of these counts has no attempt left, to be asked in the statement that reads what the caller
   * needs anyway ({@code exists (select 1 from rate_window where ...)}). A count without a subject
   * is skipped; when none is left the condition is never true.
   */
  Condition exhaustedCondition(List<Count> counts, Duration window, Instant now, int first) {
    List<Count> present = counts.stream().filter(c -> c.subject() != null).toList();
    List<Object> parameters = new java.util.ArrayList<>();
    if (present.isEmpty()) {
      return new Condition("", first, parameters);
    }
    StringBuilder sql = new StringBuilder("window_start = ? and (");
    parameters.add(ScheduledRuns.periodStart(now, window).atOffset(ZoneOffset.UTC));
    for (int i = 0; i < present.size(); i++) {
      sql.append(i == 0 ? "" : " or ").append("(subject = ? and action = ? and attempts >= ?)");
      parameters.add(present.get(i).subject());
      parameters.add(present.get(i).action());
      parameters.add(present.get(i).limit());
    }
    return new Condition(sql.append(')').toString(), first, parameters);
  }

  /** SQL over {@code rate_window} with JDBC parameters bound from position {@code first} on. */
  record Condition(String sql, int first, List<Object> parameters) {

    /** True when no count had a subject: nothing can be exhausted. */
    boolean never() {
      return sql.isEmpty();
    }

    /** The next free parameter position after this condition's. */
    int next() {
      return first + parameters.size();
    }

    void bind(PreparedStatement statement) throws SQLException {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(first + i, parameters.get(i));
      }
    }
  }

  /** How long until the window of {@code now} ends. */
  static Duration left(Instant now, Duration window) {
    return left(now, ScheduledRuns.periodStart(now, window), window);
  }

  /** Gives back an attempt counted at {@code now}: it turned out not to be one that counts. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public void giveBack(String action, String subject, Duration window, Instant now) {
    update(
        "update rate_window set attempts = attempts - 1 where subject = ?"
            + " and action = ? and window_start = ? and attempts > 0",
        subject,
        action,
        ScheduledRuns.periodStart(now, window),
        null);
  }

  /**
   * Whether this attempt opened the window. Attempts racing to open it all try; those that lose
   * find their transaction rolled back by the one that won, and count in the window it opened.
   */
  private boolean opened(String action, String subject, Instant start) {
    try {
      return self.open(action, subject, start);
    } catch (RuntimeException lostTheRace) {
      return false;
    }
  }

  private static Duration left(Instant now, Instant start, Duration window) {
    Duration left = Duration.between(now, start.plus(window));
    return left.isNegative() ? Duration.ZERO : left;
  }

  /**
   * Counts an attempt in a window already open, unless it has none left: one statement that commits
   * on its own, outside any transaction of the caller, so a refused or failed operation still
   * counts. Plain JDBC on a connection in auto-commit mode, since a statement needs no more: no
   * transaction to begin and commit around it, no persistence context to open and flush.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public boolean count(String action, String subject, Instant start, int limit) {
    return update(
            "update rate_window set attempts = attempts + 1 where subject = ?"
                + " and action = ? and window_start = ? and attempts < ?",
            subject,
            action,
            start,
            limit)
        == 1;
  }

  /** One update, committed on its own; a null {@code limit} is not bound. */
  private int update(String sql, String subject, String action, Instant start, Integer limit) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(sql)) {
      update.setString(1, subject);
      update.setString(2, action);
      update.setObject(3, start.atOffset(ZoneOffset.UTC));
      if (limit != null) {
        update.setInt(4, limit);
      }
      int updated = update.executeUpdate();
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      return updated;
    } catch (SQLException failed) {
      throw new PersistenceException("Rate limit not counted", failed);
    }
  }

  /** Opens the window with this attempt; false if another attempt opened it first. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean open(String action, String subject, Instant start) {
    try {
      em.createNativeQuery(
              "delete from rate_window where subject = ?1 and action = ?2 and window_start < ?3")
          .setParameter(1, subject)
          .setParameter(2, action)
          .setParameter(3, start)
          .executeUpdate();
      em.createNativeQuery(
              "insert into rate_window (subject, action, window_start, attempts) values (?1, ?2, ?3, 1)")
          .setParameter(1, subject)
          .setParameter(2, action)
          .setParameter(3, start)
          .executeUpdate();
      em.flush();
      return true;
    } catch (PersistenceException alreadyOpen) {
      return false;
    }
  }
}
