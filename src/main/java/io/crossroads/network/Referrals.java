package io.crossroads.network;

import io.crossroads.interviews.Interview;
import io.crossroads.interviews.InterviewStatus;
import io.crossroads.interviews.Interviews;
import io.crossroads.people.Directory;
import io.crossroads.people.Person;
import io.crossroads.requests.CitedReferrals;
import io.crossroads.requests.InterviewRequest;
import io.crossroads.requests.RequestStatus;
import io.crossroads.requests.Requests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Stored referrals and what became of each: the requests that cite them, and the interviews those
 * became. Answers requests (may a request cite this referral, and how is it shown) and matching
 * (who was referred to whom, to rank them up).
 */
@ApplicationScoped
public class Referrals implements CitedReferrals {

  /** What became of a referral, as the employee sees it. */
  public enum Outcome {
    NOT_ASKED,
    REQUESTED,
    HELD,
    DECLINED,
    CLOSED
  }

  @PersistenceContext EntityManager em;
  @Inject Requests requests;
  @Inject Interviews interviews;
  @Inject Directory directory;

  void add(Referral referral) {
    em.persist(referral);
  }

  /** The referrals given in an interview, in the order the leader named them. */
  List<Referral> givenIn(UUID interviewId) {
    return em.createQuery(
            "select r from Referral r where r.interviewId = :i order by r.position", Referral.class)
        .setParameter("i", interviewId)
        .getResultList();
  }

  Optional<Referral> find(UUID id) {
    return Optional.ofNullable(em.find(Referral.class, id));
  }

  /** The referrals an employee received, newest first. */
  List<Referral> receivedBy(UUID employeeId) {
    return em.createQuery(
            "select r from Referral r where r.employeeId = :e order by r.createdAt desc, r.position",
            Referral.class)
        .setParameter("e", employeeId)
        .getResultList();
  }

  /**
   * The referral an interview came from: the one its request cited, if any. A referral given in
   * that interview is one link further down the chain.
   */
  Optional<Referral> behind(Interview interview) {
    return requests
        .find(interview.requestId())
        .map(InterviewRequest::referralId)
        .flatMap(this::find);
  }

  /** What became of each referral: the furthest any request citing it got. */
  Map<UUID, Outcome> outcomes(Collection<Referral> referrals) {
    Map<UUID, Outcome> outcomes = new HashMap<>();
    referrals.forEach(r -> outcomes.put(r.id(), Outcome.NOT_ASKED));
    List<InterviewRequest> citing = requests.citing(referrals.stream().map(Referral::id).toList());
    Map<UUID, Interview> became =
        interviews.forRequests(citing.stream().map(InterviewRequest::id).toList());
    for (InterviewRequest request : citing) {
      Outcome outcome = outcome(request, became.get(request.id()));
      outcomes.merge(request.referralId(), outcome, (a, b) -> rank(a) >= rank(b) ? a : b);
    }
    return outcomes;
  }

  /** How far a referral got: held beats requested, which beats declined, then closed. */
  private static int rank(Outcome outcome) {
    return switch (outcome) {
      case HELD -> 4;
      case REQUESTED -> 3;
      case DECLINED -> 2;
      case CLOSED -> 1;
      case NOT_ASKED -> 0;
    };
  }

  private static Outcome outcome(InterviewRequest request, Interview interview) {
    if (interview != null && interview.status() == InterviewStatus.HELD) {
      return Outcome.HELD;
    }
    if (request.status().isOpen()
        || request.status() == RequestStatus.ACCEPTED
            && interview != null
            && interview.status() == InterviewStatus.SCHEDULED) {
      return Outcome.REQUESTED;
    }
    return request.status() == RequestStatus.DECLINED ? Outcome.DECLINED : Outcome.CLOSED;
  }

  /**
   * Per employee, the leaders they were referred to, with who referred them: what recommendations
   * rank up, with the reason.
   */
  public Map<UUID, Map<UUID, String>> referredLeadersOf(Collection<UUID> employees) {
    Map<UUID, Map<UUID, String>> referred = new HashMap<>();
    if (employees.isEmpty()) {
      return referred;
    }
    em.createQuery(
            "select r.employeeId, r.referredId, p.displayName from Referral r, Person p"
                + " where p.id = r.referrerId and r.employeeId in :employees",
            Object[].class)
        .setParameter("employees", employees)
        .getResultList()
        .forEach(
            row ->
                referred
                    .computeIfAbsent((UUID) row[0], k -> new HashMap<>())
                    .putIfAbsent((UUID) row[1], (String) row[2]));
    return referred;
  }

  @Override
  public boolean names(UUID referralId, UUID employeeId, UUID leaderId) {
    return find(referralId)
        .filter(r -> r.employeeId().equals(employeeId) && r.referredId().equals(leaderId))
        .isPresent();
  }

  @Override
  public Map<UUID, Suggestion> suggestions(Collection<UUID> referralIds) {
    List<Referral> cited =
        em.createQuery("select r from Referral r where r.id in :ids", Referral.class)
            .setParameter("ids", Set.copyOf(referralIds))
            .getResultList();
    Map<UUID, Person> referrers =
        directory.people(cited.stream().map(Referral::referrerId).distinct().toList());
    return cited.stream()
        .collect(
            Collectors.toMap(
                Referral::id,
                r ->
                    new Suggestion(
                        r.mayUseName() ? referrers.get(r.referrerId()).displayName() : null,
                        r.mayUseName())));
  }
}
