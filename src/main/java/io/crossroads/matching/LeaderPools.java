package io.crossroads.matching;

import io.crossroads.availability.MonthlyLoads;
import io.crossroads.people.LeaderProfileChanged;
import io.crossroads.program.Eligibility;
import io.crossroads.requests.Requests;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads every leader matching may suggest from the database into a {@link LeaderPool}. The pool is
 * kept for {@code crossroads.matching.refresh} per instance: ranking 10,000 leaders needs them in
 * memory, and a few seconds' staleness is safe because what must never be stale (accepting, under
 * the cap, still in another division) is checked again for the leaders actually returned, see
 * {@link #current(Collection)}.
 */
@ApplicationScoped
class LeaderPools {

  private static final Logger LOG = Logger.getLogger(LeaderPools.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject MonthlyLoads loads;
  @Inject Requests requests;

  @Inject
  @ConfigProperty(name = "crossroads.matching.refresh", defaultValue = "PT30S")
  Duration refresh;

  @Resource ManagedExecutorService executor;

  private volatile Snapshot snapshot;

  /** Raised when this instance changes a leader: a pool read before it is not kept. */
  private final AtomicLong changes = new AtomicLong();

  /** Held while the pool is read for a caller who cannot be served the one there is. */
  private final Object loading = new Object();

  private volatile Scorer scorer;
  private final AtomicBoolean refreshing = new AtomicBoolean();

  private record Snapshot(LeaderPool pool, Instant loadedAt) {}

  /**
   * The pool. An expired pool is still served while a fresh one loads in the background, so no
   * request pays for reading every leader while requests keep coming; one older than twice the
   * refresh (the first call, the first after nobody asked for a while, the first after a change
   * here) is loaded before answering, one load at a time, so that no answer rests on leaders read
   * longer ago than that.
   */
  public LeaderPool pool() {
    Snapshot current = snapshot;
    if (current == null || tooOld(current)) {
      synchronized (loading) {
        current = snapshot;
        if (current == null || tooOld(current)) {
          current = reload();
        }
        return current.pool();
      }
    }
    if (!clock.instant().isBefore(current.loadedAt().plus(refresh))
        && refreshing.compareAndSet(false, true)) {
      executor.execute(
          () -> {
            try {
              reload();
            } catch (RuntimeException e) {
              LOG.log(
                  Level.WARNING, "Could not refresh the leader pool; the previous one stays", e);
            } finally {
              refreshing.set(false);
            }
          });
    }
    return current.pool();
  }

  /**
   * Reads every leader, and keeps what it read unless a leader changed here meanwhile or a read
   * begun later was kept already; its age counts from before the read.
   */
  private Snapshot reload() {
    long seen = changes.get();
    Instant started = clock.instant();
    Snapshot fresh = new Snapshot(load(), started);
    synchronized (changes) {
      Snapshot kept = snapshot;
      if (changes.get() == seen && (kept == null || kept.loadedAt().isBefore(started))) {
        snapshot = fresh;
      }
    }
    return fresh;
  }

  /**
   * A leader's profile changed on this instance: the next call reads the pool again, so that the
   * leader who changed it, and HR, see the change at once. Other instances see it after their
   * refresh.
   */
  void profileChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) LeaderProfileChanged c) {
    synchronized (changes) {
      changes.incrementAndGet();
      snapshot = null;
    }
  }

  private boolean tooOld(Snapshot current) {
    return !clock.instant().isBefore(current.loadedAt().plus(refresh.multipliedBy(2)));
  }

  /** A scorer over the current pool; it keeps its indexes for as long as the pool lives. */
  public Scorer scorer(Eligibility policy) {
    LeaderPool pool = pool();
    Scorer current = scorer;
    if (current == null || current.pool() != pool || !current.policy().equals(policy)) {
      current = new Scorer(pool, policy);
      scorer = current;
    }
    return current;
  }

  /**
   * The leaders given, as they are in the database right now: division, level, accepting, cap, load
   * and waiting requests. Topics, which only weigh the score, are taken from {@code cached}.
   */
  public Map<UUID, LeaderCard> current(Collection<LeaderCard> cached) {
    Map<UUID, LeaderCard> cards = new HashMap<>();
    if (!cached.isEmpty()) {
      Map<UUID, Set<String>> topics = new HashMap<>();
      cached.forEach(card -> topics.put(card.id(), card.topics()));
      read(Set.copyOf(topics.keySet()), topics).forEach(card -> cards.put(card.id(), card));
    }
    return cards;
  }

  /** A fresh pool of all leaders. */
  LeaderPool load() {
    return new LeaderPool(read(null, null), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
  }

  /** All leaders, or some ({@code only}) with their topics given ({@code knownTopics}). */
  private List<LeaderCard> read(Set<UUID> only, Map<UUID, Set<String>> knownTopics) {
    Instant now = clock.instant();
    String filter = only == null ? "" : " and p.id in :only";
    var query =
        em.createQuery(
            "select p.id, p.displayName, p.divisionId, d.name, p.level, p.timeZone,"
                + " lp.acceptingRequests, lp.monthlyCap"
                + " from Person p, LeaderProfile lp, Division d"
                + " where lp.personId = p.id and d.id = p.divisionId and p.active = true"
                + " and p.leader = true"
                + filter,
            Object[].class);
    if (only != null) {
      query.setParameter("only", only);
    }
    List<Object[]> rows = query.getResultList();
    Map<UUID, Set<String>> topics = knownTopics;
    if (topics == null) {
      topics = new HashMap<>();
      for (Object[] row :
          em.createQuery(
                  "select lp.personId, t from LeaderProfile lp join lp.topics t", Object[].class)
              .getResultList()) {
        topics.computeIfAbsent((UUID) row[0], id -> new HashSet<>()).add((String) row[1]);
      }
    }
    Map<UUID, Integer> waiting = requests.waitingPerLeader(only);
    // The months any zone can be in now; each leader's own month is picked below.
    YearMonth utc = YearMonth.from(now.atZone(ZoneOffset.UTC));
    List<YearMonth> months = List.of(utc.minusMonths(1), utc, utc.plusMonths(1));
    Map<UUID, Map<YearMonth, Integer>> booked =
        only == null ? loads.bookedByAll(months) : loads.booked(only, months);
    List<LeaderCard> cards = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      UUID id = (UUID) row[0];
      ZoneId zone = ZoneId.of((String) row[5]);
      YearMonth month = YearMonth.from(now.atZone(zone));
      cards.add(
          new LeaderCard(
              id,
              (String) row[1],
              (UUID) row[2],
              (String) row[3],
              ((Number) row[4]).intValue(),
              zone,
              topics.getOrDefault(id, Set.of()),
              Boolean.TRUE.equals(row[6]),
              ((Number) row[7]).intValue(),
              booked.getOrDefault(id, Map.of()).getOrDefault(month, 0),
              waiting.getOrDefault(id, 0)));
    }
    return cards;
  }
}
