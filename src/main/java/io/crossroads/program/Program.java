package io.crossroads.program;

import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The program's rules as every path reads them: one cached object per instance. A read costs
 * nothing while the copy is younger than {@code crossroads.program.refresh}; after that one query
 * compares the stored version, and the rules are read again only when HR changed them. The instance
 * that makes a change uses it as soon as it commits; the others within the refresh interval. The
 * first read of a new database stores the rules from configuration.
 */
@ApplicationScoped
public class Program {

  /** The rules with the version and time of their last change. */
  public record Versioned(ProgramRules rules, long version, Instant updatedAt, UUID updatedBy) {}

  /** A change HR committed. */
  record Changed(Versioned now) {}

  private record Snapshot(Versioned versioned, Instant checkedAt) {}

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject ProgramDefaults defaults;
  @Inject Event<Changed> changed;

  @Inject
  @ConfigProperty(name = "crossroads.program.refresh", defaultValue = "PT5S")
  Duration refresh;

  private volatile Snapshot snapshot;

  /** The rules now in force. */
  public ProgramRules rules() {
    return current().rules();
  }

  /** The rules with their version, as {@code GET /api/program} shows them. */
  public Versioned current() {
    Snapshot known = snapshot;
    Instant now = clock.instant();
    if (known != null && now.isBefore(known.checkedAt().plus(refresh))) {
      return known.versioned();
    }
    List<Long> stored =
        em.createQuery("select r.version from StoredRules r where r.id = :id", Long.class)
            .setParameter("id", StoredRules.ID)
            .getResultList();
    Versioned versioned;
    if (known != null && stored.size() == 1 && stored.get(0) == known.versioned().version()) {
      versioned = known.versioned();
    } else {
      versioned = stored.isEmpty() ? seeded() : read();
    }
    snapshot = new Snapshot(versioned, now);
    return versioned;
  }

  private Versioned seeded() {
    try {
      return defaults.store();
    } catch (RuntimeException failed) {
      // Another instance may have stored the first rules at the same moment: then theirs stand.
      StoredRules meanwhile = em.find(StoredRules.class, StoredRules.ID);
      if (meanwhile == null) {
        throw failed;
      }
      return versioned(meanwhile);
    }
  }

  private Versioned read() {
    return versioned(em.find(StoredRules.class, StoredRules.ID));
  }

  static Versioned versioned(StoredRules stored) {
    return new Versioned(stored.rules(), stored.version(), stored.updatedAt(), stored.updatedBy());
  }

  /**
   * Replaces the rules, if {@code expectedVersion} is still the stored one: a change made from a
   * stale copy is refused, and so is one that races another (the version column).
   */
  @Transactional
  public Versioned change(UUID by, long expectedVersion, ProgramRules rules) {
    current();
    StoredRules stored = em.find(StoredRules.class, StoredRules.ID);
    if (stored.version() != expectedVersion) {
      throw new Refusal(
          ProblemType.CONCURRENT_UPDATE,
          "The program rules changed since version "
              + expectedVersion
              + " was read; they are at version "
              + stored.version()
              + " now. Reload and try again.");
    }
    stored.replace(rules, by, clock.instant());
    em.flush();
    Versioned now = versioned(stored);
    changed.fire(new Changed(now));
    return now;
  }

  void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed change) {
    snapshot = new Snapshot(change.now(), clock.instant());
  }

  /** The rules from configuration, stored when the database has none yet. */
  @ApplicationScoped
  static class ProgramDefaults {

    @PersistenceContext EntityManager em;
    @Inject Clock clock;

    @Inject
    @ConfigProperty(name = "crossroads.program.lengths", defaultValue = "15,20,30")
    List<Integer> lengths;

    @Inject
    @ConfigProperty(name = "crossroads.program.default-length", defaultValue = "20")
    int defaultLength;

    @Inject
    @ConfigProperty(name = "crossroads.program.default-monthly-cap", defaultValue = "4")
    int defaultMonthlyCap;

    @Inject
    @ConfigProperty(name = "crossroads.program.max-open-requests", defaultValue = "3")
    int maxOpenRequests;

    @Inject
    @ConfigProperty(name = "crossroads.program.max-requests-per-month", defaultValue = "6")
    int maxRequestsPerMonth;

    @Inject
    @ConfigProperty(name = "crossroads.program.max-follow-ups", defaultValue = "2")
    int maxFollowUps;

    @Inject
    @ConfigProperty(name = "crossroads.program.follow-up-business-days", defaultValue = "5")
    int followUpBusinessDays;

    @Inject
    @ConfigProperty(name = "crossroads.program.expiry-business-days", defaultValue = "5")
    int expiryBusinessDays;

    @Inject
    @ConfigProperty(name = "crossroads.program.max-level-gap", defaultValue = "3")
    int maxLevelGap;

    @Inject
    @ConfigProperty(name = "crossroads.program.repeat-window-months", defaultValue = "6")
    int repeatWindowMonths;

    @Inject
    @ConfigProperty(name = "crossroads.program.keep-in-touch-days", defaultValue = "30")
    int keepInTouchDays;

    /** Company holidays, which do not count as business days (dates, comma-separated). */
    @Inject
    @ConfigProperty(name = "crossroads.program.holidays")
    Optional<String> holidays;

    ProgramRules rules() {
      return new ProgramRules(
          lengths,
          defaultLength,
          defaultMonthlyCap,
          maxOpenRequests,
          maxRequestsPerMonth,
          maxFollowUps,
          followUpBusinessDays,
          expiryBusinessDays,
          maxLevelGap,
          repeatWindowMonths,
          keepInTouchDays,
          Arrays.stream(holidays.orElse("").split(","))
              .map(String::strip)
              .filter(day -> !day.isEmpty())
              .map(LocalDate::parse)
              .toList());
    }

    /**
     * Stores the configured rules in a transaction of its own; fails when another instance stored
     * them first.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Versioned store() {
      StoredRules stored = new StoredRules(rules(), clock.instant());
      em.persist(stored);
      em.flush();
      return versioned(stored);
    }
  }
}
