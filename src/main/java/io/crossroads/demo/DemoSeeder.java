package io.crossroads.demo;

import io.crossroads.demo.DemoOrganisation.ClosedRequestSeed;
import io.crossroads.demo.DemoOrganisation.ConsentSeed;
import io.crossroads.demo.DemoOrganisation.ContactSeed;
import io.crossroads.demo.DemoOrganisation.DigestSeed;
import io.crossroads.demo.DemoOrganisation.FeedbackSeed;
import io.crossroads.demo.DemoOrganisation.HistorySeed;
import io.crossroads.demo.DemoOrganisation.InterestSeed;
import io.crossroads.demo.DemoOrganisation.MentoringSeed;
import io.crossroads.demo.DemoOrganisation.MoveSeed;
import io.crossroads.demo.DemoOrganisation.Network;
import io.crossroads.demo.DemoOrganisation.PersonSeed;
import io.crossroads.demo.DemoOrganisation.Plan;
import io.crossroads.demo.DemoOrganisation.ReferralSeed;
import io.crossroads.demo.DemoOrganisation.ThankYouSeed;
import io.crossroads.demo.DemoOrganisation.TouchSeed;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

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

  /** Every demo user's password. */
  static final String PASSWORD = "demo";

  private static final Logger LOG = Logger.getLogger(DemoSeeder.class.getName());
  private static final int FLUSH_EVERY = 500;
  private static final int BATCH = 1000;
  private static final String INTRO = "I would like to learn how your team works.";
  private static final String LEARN =
      "How your division plans its year and what skills matter most.";
  private static final String WHY_YOU = "You lead the area I am most curious about.";
  private static final String WHY_YOU_REFERRED =
      "A leader I met suggested you as the person to ask about this.";

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
      long started = System.nanoTime();
      Plan plan =
          DemoOrganisation.generate(
              new DemoOrganisation.Shape(
                  size, divisions, DemoOrganisation.DEFAULT_SEED, leaderShare));
      long generated = System.nanoTime();
      int people = persist(rules, plan);
      transaction.commit();
      long stored = System.nanoTime();
      LOG.info(
          () ->
              String.format(
                  "Demo organisation created: %d people (%d left, %d moved division), %d held"
                      + " interviews, %d referrals, %d contacts, %d thank-yous (generated in %d ms,"
                      + " stored in %d ms)",
                  people,
                  plan.people().stream().filter(p -> !p.active()).count(),
                  plan.moves().size(),
                  plan.history().size(),
                  plan.network().referrals().size(),
                  plan.network().contacts().size(),
                  plan.network().thankYous().size(),
                  (generated - started) / 1_000_000,
                  (stored - generated) / 1_000_000));
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

  private int persist(ProgramRules rules, Plan plan) {
    plan.divisions().forEach(d -> em.persist(new Division(d.id(), d.name())));
    em.flush();
    // Every demo user has the same password: one hash serves them all.
    String demoPassword = PasswordHasher.hash(PASSWORD);
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    int count = 0;
    for (PersonSeed p : plan.people()) {
      Person person =
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
              p.hr());
      person.hired(today.minusDays(p.hiredDaysAgo()));
      if (!p.active()) {
        person.leave(today.minusDays(p.leftDaysAgo()));
      }
      em.persist(person);
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
    Instant dayZero = now.truncatedTo(ChronoUnit.DAYS);
    em.unwrap(Session.class).doWork(connection -> history(connection, plan, dayZero));
    return count;
  }

  /**
   * The held interviews with the accepted requests they came from, and what followed them, written
   * in JDBC batches: at the enterprise shape these are several hundred thousand rows.
   */
  private static void history(Connection connection, Plan plan, Instant dayZero)
      throws SQLException {
    Network network = plan.network();
    try (Rows moves =
        new Rows(
            connection,
            dayZero,
            "insert into internal_move (id, person_id, from_division, to_division, moved_on,"
                + " recorded_at) values (?, ?, ?, ?, ?, ?)")) {
      LocalDate today = LocalDate.ofInstant(dayZero, ZoneOffset.UTC);
      for (MoveSeed m : plan.moves()) {
        moves.add(
            m.id(),
            m.personId(),
            m.fromDivisionId(),
            m.toDivisionId(),
            today.minusDays(m.daysAgo()),
            Duration.ofDays(-m.daysAgo()));
      }
    }
    try (Rows requests =
            new Rows(
                connection,
                dayZero,
                "insert into interview_request (id, requester_id, leader_id, status, length_minutes,"
                    + " format, intro, learn, why_you, referral_id, created_at, last_attempt_at,"
                    + " answered_at, version, follow_ups) values (?, ?, ?, ?, 20, 'VIDEO', ?, ?, ?, ?,"
                    + " ?, ?, ?, 0, ?)");
        Rows interviews =
            new Rows(
                connection,
                dayZero,
                "insert into interview (id, request_id, employee_id, leader_id, start_at, end_at,"
                    + " block_start, block_end, length_minutes, format, status, sequence, created_at,"
                    + " version) values (?, ?, ?, ?, ?, ?, ?, ?, 20, 'VIDEO', 'HELD', 0, ?, 1)")) {
      for (HistorySeed held : plan.history()) {
        Duration accepted = held.requested().plus(Duration.ofDays(2));
        requests.add(
            held.requestId(),
            held.employeeId(),
            held.leaderId(),
            "ACCEPTED",
            INTRO,
            LEARN,
            held.referralId() == null ? WHY_YOU : WHY_YOU_REFERRED,
            held.referralId(),
            held.requested(),
            held.requested(),
            accepted,
            0);
        interviews.add(
            held.interviewId(),
            held.requestId(),
            held.employeeId(),
            held.leaderId(),
            held.start(),
            held.end(),
            held.start(),
            held.end(),
            accepted);
      }
      for (ClosedRequestSeed request : network.closedRequests()) {
        requests.add(
            request.id(),
            request.employeeId(),
            request.leaderId(),
            request.status().name(),
            INTRO,
            LEARN,
            WHY_YOU_REFERRED,
            request.referralId(),
            request.sent(),
            request.lastAttempt(),
            request.answered(),
            request.followUps());
      }
      // Requests before the interviews that refer to them.
      requests.close();
      interviews.close();
    }
    try (Rows referrals =
        new Rows(
            connection,
            dayZero,
            "insert into referral (id, interview_id, referrer_id, employee_id, referred_id,"
                + " may_use_name, note, depth, came_from, position, created_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      // A referral comes after the one it came from: the chain is written in order.
      for (ReferralSeed r : network.referrals()) {
        referrals.add(
            r.id(),
            r.interviewId(),
            r.referrerId(),
            r.employeeId(),
            r.referredId(),
            r.mayUseName(),
            r.note(),
            r.depth(),
            r.cameFrom(),
            r.position(),
            r.created());
      }
    }
    try (Rows thanks =
        new Rows(
            connection,
            dayZero,
            "insert into thank_you (interview_id, employee_id, leader_id, message,"
                + " interview_ended_at, sent_at) values (?, ?, ?, ?, ?, ?)")) {
      for (ThankYouSeed t : network.thankYous()) {
        thanks.add(
            t.interviewId(), t.employeeId(), t.leaderId(), t.message(), t.interviewEnd(), t.sent());
      }
    }
    try (Rows contacts =
            new Rows(
                connection,
                dayZero,
                "insert into contact (employee_id, person_id, cadence_days, met_at, last_touch_at,"
                    + " next_due_at, snoozed_until, stopped, touches_due, touches_on_time, version)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)");
        Rows touches =
            new Rows(
                connection,
                dayZero,
                "insert into contact_touch (id, employee_id, person_id, at, on_time, note)"
                    + " values (?, ?, ?, ?, ?, ?)")) {
      LocalDate today = LocalDate.ofInstant(dayZero, ZoneOffset.UTC);
      for (ContactSeed c : network.contacts()) {
        contacts.add(
            c.employeeId(),
            c.personId(),
            c.cadenceDays(),
            c.met(),
            c.lastTouch(),
            c.nextDue(),
            c.snoozedForDays() == null ? null : today.plusDays(c.snoozedForDays()),
            c.stopped(),
            c.touchesDue(),
            c.touchesOnTime());
      }
      contacts.close();
      for (ContactSeed c : network.contacts()) {
        for (TouchSeed t : c.touches()) {
          touches.add(t.id(), c.employeeId(), c.personId(), t.at(), t.onTime(), t.note());
        }
      }
    }
    try (Rows feedback =
            new Rows(
                connection,
                dayZero,
                "insert into leader_feedback (interview_id, leader_id, employee_id, talent_pool,"
                    + " strengths, note, given_at) values (?, ?, ?, ?, ?, ?, ?)");
        Rows consents =
            new Rows(
                connection,
                dayZero,
                "insert into talent_consent (employee_id, visible_to_hr, changed_at)"
                    + " values (?, ?, ?)");
        Rows mentoring =
            new Rows(
                connection,
                dayZero,
                "insert into mentoring_offer (interview_id, leader_id, employee_id, offered_at,"
                    + " answer, answered_at) values (?, ?, ?, ?, ?, ?)");
        Rows digests =
            new Rows(
                connection,
                dayZero,
                "insert into digest_preference (person_id, weekly, changed_at) values (?, ?, ?)")) {
      for (FeedbackSeed f : network.feedback()) {
        feedback.add(
            f.interviewId(),
            f.leaderId(),
            f.employeeId(),
            f.talentPool(),
            String.join(";", f.strengths()),
            f.note(),
            f.given());
      }
      for (ConsentSeed c : network.consents()) {
        consents.add(c.employeeId(), c.visibleToHr(), c.changed());
      }
      for (MentoringSeed m : network.mentoring()) {
        mentoring.add(
            m.interviewId(),
            m.leaderId(),
            m.employeeId(),
            m.offered(),
            m.answer() == null ? null : m.answer().name(),
            m.answered());
      }
      for (DigestSeed d : network.digests()) {
        digests.add(d.personId(), d.weekly(), d.changed());
      }
    }
  }

  /**
   * One insert run in JDBC batches. Times are given as offsets from the seeding day, as the plan
   * has them, and written as instants.
   */
  private static final class Rows implements AutoCloseable {
    private final PreparedStatement insert;
    private final Instant dayZero;
    private int pending;
    private boolean closed;

    Rows(Connection connection, Instant dayZero, String sql) throws SQLException {
      this.insert = connection.prepareStatement(sql);
      this.dayZero = dayZero;
    }

    void add(Object... values) throws SQLException {
      for (int i = 0; i < values.length; i++) {
        Object value =
            values[i] instanceof Duration offset
                ? OffsetDateTime.ofInstant(dayZero.plus(offset), ZoneOffset.UTC)
                : values[i];
        insert.setObject(i + 1, value);
      }
      insert.addBatch();
      if (++pending == BATCH) {
        insert.executeBatch();
        pending = 0;
      }
    }

    @Override
    public void close() throws SQLException {
      if (closed) {
        return;
      }
      closed = true;
      try (insert) {
        if (pending > 0) {
          insert.executeBatch();
        }
      }
    }
  }

  private void rollbackQuietly() {
    try {
      transaction.rollback();
    } catch (Exception ignored) {
      // Nothing was committed; the transaction may already be gone.
    }
  }
}
