package io.crossroads.network;

import io.crossroads.network.NetworkViews.ConsentView;
import io.crossroads.network.NetworkViews.ContactChange;
import io.crossroads.network.NetworkViews.ContactView;
import io.crossroads.network.NetworkViews.DigestView;
import io.crossroads.network.NetworkViews.FeedbackView;
import io.crossroads.network.NetworkViews.MentoringView;
import io.crossroads.network.NetworkViews.ReferralView;
import io.crossroads.network.NetworkViews.TalentView;
import io.crossroads.network.NetworkViews.TouchView;
import io.crossroads.people.Directory;
import io.crossroads.people.PeopleViews.PersonRef;
import io.crossroads.people.Person;
import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** The employee's own network: referrals received, contacts, what leaders said, consent. */
@ApplicationScoped
class MyNetwork {

  @PersistenceContext EntityManager em;
  @Inject Referrals referrals;
  @Inject Contacts contacts;
  @Inject Directory directory;
  @Inject Clock clock;

  @Transactional
  public List<ReferralView> referrals(UUID me) {
    List<Referral> received = referrals.receivedBy(me);
    Map<UUID, Referrals.Outcome> outcomes = referrals.outcomes(received);
    Map<UUID, Person> people =
        directory.people(
            received.stream().flatMap(r -> Stream.of(r.referrerId(), r.referredId())).toList());
    return received.stream()
        .map(
            r ->
                ReferralView.of(
                    r,
                    people.get(r.referrerId()),
                    people.get(r.referredId()),
                    outcomes.get(r.id())))
        .toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ContactView> contacts(UUID me) {
    Instant now = clock.instant();
    return contacts.of(me).stream().map(c -> view(c.contact(), c.person(), now)).toList();
  }

  private static ContactView view(Contact c, Person person, Instant now) {
    return new ContactView(
        PersonRef.of(person),
        c.metAt(),
        c.lastTouchAt(),
        c.stopped() ? null : c.nextDueAt(),
        c.cadenceDays(),
        c.snoozedUntil(),
        c.stopped(),
        c.dueBy(now),
        c.touchesDue(),
        c.touchesOnTime());
  }

  private Contact contact(UUID me, UUID personId) {
    return contacts
        .find(me, personId)
        .orElseThrow(
            () ->
                new Refusal(
                    ProblemType.NOT_A_CONTACT,
                    "This person is not one of your contacts: contacts are people you met."));
  }

  @Transactional
  public TouchView touch(UUID me, UUID personId, String note) {
    Contact contact = contact(me, personId);
    ContactTouch touch = contact.touch(clock.instant(), note);
    contacts.add(touch);
    em.flush();
    return new TouchView(
        PersonRef.of(directory.person(personId).orElseThrow()),
        touch.at(),
        touch.onTime(),
        touch.note());
  }

  @Transactional
  public ContactView change(UUID me, UUID personId, ContactChange change) {
    Contact contact = contact(me, personId);
    Person person = directory.person(me).orElseThrow();
    Instant now = clock.instant();
    contact.change(
        change.cadenceDays(), change.snoozedUntil(), change.stopped(), person.timeZone(), now);
    em.flush();
    return view(contact, directory.person(personId).orElseThrow(), now);
  }

  /** Whether HR may see the talent flags about the caller; effective at once, both ways. */
  @Transactional
  public ConsentView consent(UUID me, boolean visibleToHr) {
    TalentConsent consent = em.find(TalentConsent.class, me);
    Instant now = clock.instant();
    if (consent == null) {
      consent = new TalentConsent(me, visibleToHr, now);
      em.persist(consent);
    } else {
      consent.change(visibleToHr, now);
    }
    return new ConsentView(consent.visibleToHr(), consent.changedAt());
  }

  @Transactional
  public TalentView talent(UUID me) {
    TalentConsent consent = em.find(TalentConsent.class, me);
    List<LeaderFeedback> feedback =
        em.createQuery(
                "select f from LeaderFeedback f where f.employeeId = :e order by f.givenAt desc",
                LeaderFeedback.class)
            .setParameter("e", me)
            .getResultList();
    List<MentoringOffer> offers =
        em.createQuery(
                "select m from MentoringOffer m where m.employeeId = :e order by m.offeredAt desc",
                MentoringOffer.class)
            .setParameter("e", me)
            .getResultList();
    Map<UUID, Person> leaders =
        directory.people(
            Stream.concat(
                    feedback.stream().map(LeaderFeedback::leaderId),
                    offers.stream().map(MentoringOffer::leaderId))
                .distinct()
                .toList());
    return new TalentView(
        consent == null
            ? new ConsentView(false, null)
            : new ConsentView(consent.visibleToHr(), consent.changedAt()),
        feedback.stream()
            .map(
                f ->
                    FeedbackView.of(
                        f,
                        PersonRef.of(leaders.get(f.leaderId())),
                        offers.stream().anyMatch(o -> o.interviewId().equals(f.interviewId()))))
            .toList(),
        offers.stream().map(m -> view(m, leaders.get(m.leaderId()))).toList());
  }

  private static MentoringView view(MentoringOffer offer, Person leader) {
    return new MentoringView(
        offer.interviewId(),
        PersonRef.of(leader),
        offer.offeredAt(),
        offer.answer() == null ? null : offer.answer().name(),
        offer.answeredAt());
  }

  @Transactional
  public MentoringView answerMentoring(UUID me, UUID interviewId, boolean accepted) {
    MentoringOffer offer = em.find(MentoringOffer.class, interviewId);
    if (offer == null || !offer.employeeId().equals(me)) {
      throw Refusal.notFound("The offer");
    }
    offer.answer(me, accepted, clock.instant());
    return view(offer, directory.person(offer.leaderId()).orElseThrow());
  }

  @Transactional
  public DigestView digest(UUID me, boolean weekly) {
    DigestPreference preference = em.find(DigestPreference.class, me);
    if (preference == null) {
      em.persist(new DigestPreference(me, weekly, clock.instant()));
    } else {
      preference.change(weekly, clock.instant());
    }
    return new DigestView(weekly);
  }

  @Transactional
  public DigestView digest(UUID me) {
    DigestPreference preference = em.find(DigestPreference.class, me);
    return new DigestView(preference == null || preference.weekly());
  }
}
