package io.crossroads.network;

import io.crossroads.network.NetworkViews.NotesView;
import io.crossroads.platform.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The network's part of a person's export: everything after their interviews, notes opened. */
@ApplicationScoped
public class NetworkData implements PersonalData {

  /** A thank-you the person sent or received. */
  public record ThankYouExport(
      UUID interviewId, UUID from, UUID to, String message, Instant sentAt) {}

  /** A referral the person gave as a leader. */
  public record GivenExport(
      UUID interviewId, UUID to, UUID referred, boolean mayUseName, String note) {}

  public record Export(
      List<NetworkViews.ReferralView> referralsReceived,
      List<GivenExport> referralsGiven,
      List<ThankYouExport> thankYous,
      List<NetworkViews.ContactView> contacts,
      List<NetworkViews.TouchView> touches,
      NetworkViews.TalentView aboutMe,
      List<NetworkViews.FeedbackView> feedbackGiven,
      List<NotesView> privateNotes,
      NetworkViews.DigestView digest) {}

  @PersistenceContext EntityManager em;
  @Inject MyNetwork network;
  @Inject Contacts contacts;
  @Inject AfterInterview afterInterview;

  @Override
  public String part() {
    return "network";
  }

  @Override
  @Transactional
  public Object about(UUID personId) {
    List<ThankYouExport> thanks =
        em
            .createQuery(
                "select t from ThankYou t where t.employeeId = :p or t.leaderId = :p"
                    + " order by t.sentAt",
                ThankYou.class)
            .setParameter("p", personId)
            .getResultList()
            .stream()
            .map(
                t ->
                    new ThankYouExport(
                        t.interviewId(), t.employeeId(), t.leaderId(), t.message(), t.sentAt()))
            .toList();
    List<GivenExport> given =
        em
            .createQuery(
                "select r from Referral r where r.referrerId = :p order by r.createdAt",
                Referral.class)
            .setParameter("p", personId)
            .getResultList()
            .stream()
            .map(
                r ->
                    new GivenExport(
                        r.interviewId(), r.employeeId(), r.referredId(), r.mayUseName(), r.note()))
            .toList();
    List<NetworkViews.FeedbackView> feedbackGiven =
        em
            .createQuery(
                "select f from LeaderFeedback f where f.leaderId = :p order by f.givenAt",
                LeaderFeedback.class)
            .setParameter("p", personId)
            .getResultList()
            .stream()
            .map(
                f ->
                    NetworkViews.FeedbackView.of(
                        f, null, em.find(MentoringOffer.class, f.interviewId()) != null))
            .toList();
    List<NotesView> notes =
        em
            .createQuery(
                "select n.interviewId from PrivateNote n where n.employeeId = :p", UUID.class)
            .setParameter("p", personId)
            .getResultList()
            .stream()
            .map(afterInterview::notesIfReadable)
            .filter(java.util.Objects::nonNull)
            .toList();
    List<NetworkViews.TouchView> touches =
        contacts.touches(personId).stream()
            .map(t -> new NetworkViews.TouchView(null, t.at(), t.onTime(), t.note()))
            .toList();
    return new Export(
        network.referrals(personId),
        given,
        thanks,
        network.contacts(personId),
        touches,
        network.talent(personId),
        feedbackGiven,
        notes,
        network.digest(personId));
  }
}
