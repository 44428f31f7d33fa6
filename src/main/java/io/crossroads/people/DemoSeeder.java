package io.crossroads.people;

import io.crossroads.people.DemoOrganisation.PersonSeed;
import io.crossroads.platform.security.Credential;
import io.crossroads.platform.security.PasswordHasher;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Generates the demo organisation once, at the first start with demo mode on. A marker row makes
 * it happen once per database, also when several instances start together: the loser of the race
 * on the marker's primary key rolls back and carries on.
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
  @Inject Clock clock;
  @PersistenceContext EntityManager em;
  @Resource UserTransaction transaction;

  @PostConstruct
  void seed() {
    if (!demoMode.active()) {
      return;
    }
    try {
      transaction.setTransactionTimeout(600);
      transaction.begin();
      if (alreadySeeded()) {
        transaction.rollback();
        return;
      }
      em.createNativeQuery("insert into app_marker (name, created_at) values (?1, ?2)")
          .setParameter(1, MARKER)
          .setParameter(2, clock.instant())
          .executeUpdate();
      int people = persist(DemoOrganisation.generate(demoMode.size()));
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

  private int persist(DemoOrganisation.Plan plan) {
    plan.divisions().forEach(d -> em.persist(new Division(d.id(), d.name())));
    em.flush();
    // Every demo user has the password "demo": one hash serves them all.
    String demoPassword = PasswordHasher.hash("demo");
    int count = 0;
    for (PersonSeed p : plan.people()) {
      em.persist(
          new Person(p.id(), p.username(), p.displayName(), p.email(), p.divisionId(), p.title(),
              p.level(), p.managerId(), p.timeZone(), p.leader(), p.hr()));
      em.persist(new Credential(p.id(), demoPassword));
      if (p.leader()) {
        LeaderProfile profile = new LeaderProfile(p.id());
        profile.offer(p.acceptingRequests(), p.topics(), "", p.monthlyCap(),
            LeaderProfile.PROGRAM_LENGTHS, java.util.EnumSet.allOf(MeetingFormat.class));
        em.persist(profile);
      }
      if (++count % FLUSH_EVERY == 0) {
        em.flush();
        em.clear();
      }
    }
    em.flush();
    em.clear();
    return count;
  }

  private void rollbackQuietly() {
    try {
      transaction.rollback();
    } catch (Exception ignored) {
      // Nothing was committed; the transaction may already be gone.
    }
  }
}
