package io.crossroads.demo;

import io.crossroads.demo.DemoOrganisation.HistorySeed;
import io.crossroads.demo.DemoOrganisation.InterestSeed;
import io.crossroads.demo.DemoOrganisation.PersonSeed;
import io.crossroads.matching.Interest;
import io.crossroads.matching.Topic;
import io.crossroads.people.DemoMode;
import io.crossroads.people.Division;
import io.crossroads.people.LeaderProfile;
import io.crossroads.people.MeetingFormat;
import io.crossroads.people.Person;
import io.crossroads.platform.security.Credential;
import io.crossroads.platform.security.PasswordHasher;
import io.crossroads.program.Program;
import io.crossroads.program.ProgramRules;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Generates the demo organisation once, at the first start with demo mode on. A marker row makes it
 * happen once per database, also when several instances start together: the loser of the race on
 * the marker's primary key rolls back and carries on.
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoSeeder {

  static final String MARKER = "demo-organisation";
  private static final Logger LOG = Logger.getLogger(DemoSeeder.class.getName());
  private static final int FLUSH_EVERY = 500;

  @Inject DemoMode demoMode;

  @Inject
  @ConfigProperty(name = "crossroads.demo.size", defaultValue = "2000")
  int size;

  /** 8 gives the demo's divisions; up to 40 for the enterprise shape. */
  @Inject
  @ConfigProperty(name = "crossroads.demo.divisions", defaultValue = "8")
  int divisions;

  @Inject
  @ConfigProperty(name = "crossroads.demo.leader-share", defaultValue = "0.10")
  double leaderShare;

  @Inject Clock clock;
  @Inject Program program;
  @PersistenceContext EntityManager em;
  @Resource UserTransaction transaction;

  @PostConstruct
  void seed() {
    if (!demoMode.active()) {
      return;
    }
    try {
      transaction.setTransactionTimeout(600);
      ProgramRules rules = program.rules();
      transaction.begin();
      if (alreadySeeded()) {
        transaction.rollback();
        return;
      }
      em.createNativeQuery("insert into app_marker (name, created_at) values (?1, ?2)")
          .setParameter(1, MARKER)
          .setParameter(2, clock.instant())
          .executeUpdate();
      int people =
          persist(
              rules,
              DemoOrganisation.generate(
                  new DemoOrganisation.Shape(
                      size, divisions, DemoOrganisation.DEFAULT_SEED, leaderShare)));
      transaction.commit();
      LOG.info(() -> "Demo organisation created: " + people + " people");
    } catch (Exception e) {
      rollbackQuietly();
      if (alreadySeeded()) {
        LOG.info("Demo organisation was created by another instance");
      } else {
        LOG.log(Level.SEVERE, "Could not create the demo organisation", e);
      }
    }
  }

  private boolean alreadySeeded() {
    return !em.createNativeQuery("select name from app_marker where name = ?1")
        .setParameter(1, MARKER)
        .getResultList()
        .isEmpty();
  }

  private int persist(ProgramRules rules, DemoOrganisation.Plan plan) {
    plan.divisions().forEach(d -> em.persist(new Division(d.id(), d.name())));
    em.flush();
    // Every demo user has the password "demo": one hash serves them all.
    String demoPassword = PasswordHasher.hash("demo");
    int count = 0;
    for (PersonSeed p : plan.people()) {
      em.persist(
          new Person(
              p.id(),
              p.username(),
              p.displayName(),
              p.email(),
              p.divisionId(),
              p.title(),
              p.level(),
              p.managerId(),
              p.timeZone(),
              p.leader(),
              p.hr()));
      em.persist(new Credential(p.id(), demoPassword));
      if (p.leader()) {
        LeaderProfile profile = new LeaderProfile(p.id(), rules);
        profile.offer(
            p.acceptingRequests(),
            p.topics(),
            "",
            p.monthlyCap(),
            rules.lengths(),
            java.util.EnumSet.allOf(MeetingFormat.class),
            rules);
        em.persist(profile);
      }
      if (++count % FLUSH_EVERY == 0) {
        em.flush();
        em.clear();
      }
    }
    em.flush();
    em.clear();
    plan.vocabulary().forEach(topic -> em.persist(new Topic(topic)));
    Instant now = clock.instant();
    int interests = 0;
    for (InterestSeed seed : plan.interests()) {
      Interest interest = new Interest(seed.personId());
      interest.change(seed.targetDivisionIds(), seed.topics(), seed.goals(), now);
      em.persist(interest);
      if (++interests % FLUSH_EVERY == 0) {
        em.flush();
        em.clear();
      }
    }
    em.flush();
    em.clear();
    plan.history().forEach(held -> history(held, now));
    return count;
  }

  /** A held interview in the past, with the accepted request it came from. */
  private void history(HistorySeed held, Instant now) {
    Instant start =
        now.truncatedTo(ChronoUnit.DAYS)
            .minus(Duration.ofDays(held.daysAgo()))
            .plus(Duration.ofHours(held.hourUtc()));
    Instant sent = start.minus(Duration.ofDays(9));
    UUID requestId =
        DemoOrganisation.id(
            "request:" + held.employeeId() + ":" + held.leaderId() + ":" + held.daysAgo());
    em.createNativeQuery(
            "insert into interview_request (id, requester_id, leader_id, status,"
                + " length_minutes, format, intro, learn, why_you, created_at, last_attempt_at,"
                + " answered_at, version, follow_ups) values (?1, ?2, ?3, 'ACCEPTED', 20, 'VIDEO', ?4, ?5,"
                + " ?6, ?7, ?7, ?8, 0, 0)")
        .setParameter(1, requestId)
        .setParameter(2, held.employeeId())
        .setParameter(3, held.leaderId())
        .setParameter(4, "I would like to learn how your team works.")
        .setParameter(5, "How your division plans its year and what skills matter most.")
        .setParameter(6, "You lead the area I am most curious about.")
        .setParameter(7, sent)
        .setParameter(8, sent.plus(Duration.ofDays(2)))
        .executeUpdate();
    em.createNativeQuery(
            "insert into interview (id, request_id, employee_id, leader_id, start_at,"
                + " end_at, block_start, block_end, length_minutes, format, status, sequence,"
                + " created_at, version) values (?1, ?2, ?3, ?4, ?5, ?6, ?5, ?6, 20, 'VIDEO', 'HELD', 0,"
                + " ?7, 1)")
        .setParameter(1, DemoOrganisation.id("interview:" + requestId))
        .setParameter(2, requestId)
        .setParameter(3, held.employeeId())
        .setParameter(4, held.leaderId())
        .setParameter(5, start)
        .setParameter(6, start.plus(Duration.ofMinutes(20)))
        .setParameter(7, sent.plus(Duration.ofDays(2)))
        .executeUpdate();
  }

  private void rollbackQuietly() {
    try {
      transaction.rollback();
    } catch (Exception ignored) {
      // Nothing was committed; the transaction may already be gone.
    }
  }
}
