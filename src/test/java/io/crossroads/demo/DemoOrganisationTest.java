package io.crossroads.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossroads.demo.DemoOrganisation.ClosedRequestSeed;
import io.crossroads.demo.DemoOrganisation.ContactSeed;
import io.crossroads.demo.DemoOrganisation.FeedbackSeed;
import io.crossroads.demo.DemoOrganisation.HistorySeed;
import io.crossroads.demo.DemoOrganisation.MentoringSeed;
import io.crossroads.demo.DemoOrganisation.MoveSeed;
import io.crossroads.demo.DemoOrganisation.Network;
import io.crossroads.demo.DemoOrganisation.PersonSeed;
import io.crossroads.demo.DemoOrganisation.Plan;
import io.crossroads.demo.DemoOrganisation.ReferralSeed;
import io.crossroads.demo.DemoOrganisation.Shape;
import io.crossroads.demo.DemoOrganisation.ThankYouSeed;
import io.crossroads.demo.DemoOrganisation.TouchSeed;
import io.crossroads.network.LeaderFeedback;
import io.crossroads.network.MentoringOffer;
import io.crossroads.network.Referral;
import io.crossroads.people.LeaderProfile;
import io.crossroads.program.Eligibility;
import io.crossroads.requests.RequestStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoOrganisationTest {

  static final Plan DEFAULT = DemoOrganisation.generate(2000);

  static PersonSeed person(Plan plan, String username) {
    return plan.people().stream()
        .filter(p -> p.username().equals(username))
        .findFirst()
        .orElseThrow();
  }

  static String division(Plan plan, PersonSeed person) {
    return plan.divisions().stream()
        .filter(d -> d.id().equals(person.divisionId()))
        .findFirst()
        .orElseThrow()
        .name();
  }

  /** A larger shape with forty divisions, as benchmarks generate it (the enterprise's in small). */
  static final Plan WIDE = DemoOrganisation.generate(new Shape(20_000, 40, 7, 0.0909));

  /** The integration tests' demo ({@code crossroads.it.demo.size} in the POM). */
  static final Plan IT = DemoOrganisation.generate(1000);

  /** A year of days the demo may be seeded on, a leap day among them. */
  static final List<LocalDate> SEEDING_DAYS =
      LocalDate.of(2027, 7, 1).datesUntil(LocalDate.of(2028, 7, 1)).toList();

  static <T> Map<UUID, T> byId(List<T> seeds, Function<T, UUID> id) {
    return seeds.stream().collect(Collectors.toMap(id, s -> s));
  }

  @Test
  void theSameSizeAndSeedAlwaysGiveTheSameOrganisation() {
    Plan again = DemoOrganisation.generate(2000);
    assertThat(again).isEqualTo(DEFAULT);
    assertThat(again.network()).isEqualTo(DEFAULT.network());
    assertThat(DemoOrganisation.generate(2000, 7)).isNotEqualTo(DEFAULT);
  }

  @Test
  void ithasExactlyTheRequestedNumberOfPeopleInEightDivisions() {
    assertThat(DEFAULT.people()).hasSize(2000);
    assertThat(DEFAULT.divisions()).hasSize(8);
    assertThat(DemoOrganisation.generate(300).people()).hasSize(300);
  }

  @Test
  void aboutOneInTenIsALeaderAndEveryLeaderHasTopicsAndACap() {
    long leaders = DEFAULT.people().stream().filter(PersonSeed::leader).count();
    assertThat(leaders).isBetween(180L, 220L);
    assertThat(DEFAULT.people())
        .filteredOn(PersonSeed::leader)
        .allSatisfy(
            leader -> {
              assertThat(leader.topics()).isNotEmpty();
              assertThat(leader.monthlyCap()).isBetween(1, LeaderProfile.MAX_MONTHLY_CAP);
            });
  }

  @Test
  void divisionsHaveUnevenSizes() {
    Map<UUID, Integer> sizes = new HashMap<>();
    DEFAULT.people().forEach(p -> sizes.merge(p.divisionId(), 1, Integer::sum));
    assertThat(sizes.values().stream().mapToInt(i -> i).max().getAsInt())
        .isGreaterThan(3 * sizes.values().stream().mapToInt(i -> i).min().getAsInt());
  }

  @Test
  void theWellKnownUsersAreWhereTheContractSays() {
    assertThat(division(DEFAULT, person(DEFAULT, "ava"))).isEqualTo("Finance");
    assertThat(division(DEFAULT, person(DEFAULT, "ben"))).isEqualTo("Engineering");
    assertThat(division(DEFAULT, person(DEFAULT, "leo"))).isEqualTo("Engineering");
    assertThat(division(DEFAULT, person(DEFAULT, "mia"))).isEqualTo("Marketing");
    assertThat(person(DEFAULT, "leo").leader()).isTrue();
    assertThat(person(DEFAULT, "mia").leader()).isTrue();
    assertThat(person(DEFAULT, "ava").leader()).isFalse();
    assertThat(person(DEFAULT, "hana").hr()).isTrue();
  }

  @Test
  void managersComeBeforeTheirReportsAndWorkInTheSameDivision() {
    Map<UUID, PersonSeed> seen = new HashMap<>();
    for (PersonSeed p : DEFAULT.people()) {
      if (p.managerId() != null) {
        PersonSeed manager = seen.get(p.managerId());
        assertThat(manager).as("manager of %s listed before", p.username()).isNotNull();
        assertThat(manager.divisionId()).isEqualTo(p.divisionId());
        assertThat(manager.leader()).isTrue();
      }
      seen.put(p.id(), p);
    }
    assertThat(DEFAULT.people()).filteredOn(p -> p.managerId() == null).hasSize(8);
  }

  @Test
  void userNamesAndIdsAreUnique() {
    Set<String> usernames = new HashSet<>();
    Set<UUID> ids = new HashSet<>();
    DEFAULT
        .people()
        .forEach(
            p -> {
              assertThat(usernames.add(p.username())).as(p.username()).isTrue();
              assertThat(ids.add(p.id())).isTrue();
            });
  }

  @Test
  void peopleLiveInTimeZonesOnSeveralContinents() {
    Set<String> regions = new HashSet<>();
    DEFAULT.people().forEach(p -> regions.add(p.timeZone().getId().split("/")[0]));
    assertThat(regions.size()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void avaCanAskLeoSinceHeIsInAnotherDivisionAndOutsideHerChain() {
    PersonSeed ava = person(DEFAULT, "ava");
    PersonSeed leo = person(DEFAULT, "leo");
    assertThat(ava.divisionId()).isNotEqualTo(leo.divisionId());
    assertThat(leo.level() - ava.level()).isBetween(0, 3);
    assertThat(leo.acceptingRequests()).isTrue();
  }

  @Test
  void aTooSmallOrganisationIsRefused() {
    assertThatThrownBy(() -> DemoOrganisation.generate(10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyHeldInterviewRequestAndReferralPairsPeopleThePolicyAllowedOnTheirDay() {
    for (Plan plan : List.of(DEFAULT, WIDE)) {
      Map<UUID, PersonSeed> people = byId(plan.people(), PersonSeed::id);
      plan.history()
          .forEach(
              h -> {
                assertThat(allowed(plan, people, h.employeeId(), h.leaderId(), h.daysAgo()))
                    .as("interview %s", h.interviewId())
                    .isTrue();
                // The request, sent days before, was valid on its day too.
                assertThat(
                        allowed(plan, people, h.employeeId(), h.leaderId(), daysAgo(h.requested())))
                    .isTrue();
              });
      assertThat(plan.network().referrals())
          .isNotEmpty()
          .allSatisfy(
              r -> {
                assertThat(
                        allowed(plan, people, r.employeeId(), r.referredId(), daysAgo(r.created())))
                    .isTrue();
                assertThat(people.get(r.referredId()).leader()).isTrue();
                assertThat(r.referredId()).isNotEqualTo(r.referrerId());
              });
      assertThat(plan.network().closedRequests())
          .allSatisfy(
              c ->
                  assertThat(allowed(plan, people, c.employeeId(), c.leaderId(), daysAgo(c.sent())))
                      .isTrue());
    }
  }

  /** Days before the seeding day of the day an offset falls on. */
  static int daysAgo(Duration offset) {
    return (int) -Math.floorDiv(offset.toMinutes(), 24 * 60);
  }

  /**
   * The division a person was in on a day, as the reports read it: their current one unless a move
   * took effect after that day, then the one the earliest such move left.
   */
  static UUID divisionOn(Plan plan, PersonSeed person, int daysAgo) {
    return plan.moves().stream()
        .filter(m -> m.personId().equals(person.id()) && m.daysAgo() < daysAgo)
        .max(Comparator.comparingInt(MoveSeed::daysAgo))
        .map(MoveSeed::fromDivisionId)
        .orElse(person.divisionId());
  }

  private static boolean allowed(
      Plan plan, Map<UUID, PersonSeed> people, UUID employeeId, UUID leaderId, int daysAgo) {
    PersonSeed employee = people.get(employeeId);
    PersonSeed leader = people.get(leaderId);
    UUID division = divisionOn(plan, employee, daysAgo);
    assertThat(divisionOn(plan, leader, daysAgo)).isEqualTo(leader.divisionId());
    // A reporting line stays within a division: the current one applies while they are in it.
    Set<UUID> chain = new HashSet<>();
    for (UUID m = employee.managerId();
        division.equals(employee.divisionId()) && m != null && chain.add(m);
        m = people.get(m).managerId()) {
      // up to the top
    }
    return Eligibility.DEFAULT
        .pair(
            new Eligibility.EmployeeFacts(
                employee.id(), division, employee.level(), chain, Set.of(), Set.of()),
            new Eligibility.LeaderFacts(
                leader.id(),
                leader.displayName(),
                leader.divisionId(),
                leader.level(),
                leader.acceptingRequests(),
                leader.monthlyCap()))
        .eligible();
  }

  @Test
  void leadersNameOneToThreePeopleAfterSomeInterviewsEachOnce() {
    Map<UUID, List<ReferralSeed>> byInterview =
        DEFAULT.network().referrals().stream()
            .collect(Collectors.groupingBy(ReferralSeed::interviewId));
    Map<UUID, HistorySeed> interviews = byId(DEFAULT.history(), HistorySeed::interviewId);
    assertThat(byInterview.size())
        .isBetween(DEFAULT.history().size() / 5, DEFAULT.history().size() / 2);
    byInterview.forEach(
        (interviewId, named) -> {
          HistorySeed held = interviews.get(interviewId);
          assertThat(named).hasSizeBetween(1, Referral.MAX_PER_INTERVIEW);
          assertThat(named.stream().map(ReferralSeed::referredId).distinct()).hasSameSizeAs(named);
          assertThat(named.stream().map(ReferralSeed::position))
              .containsExactlyInAnyOrderElementsOf(
                  java.util.stream.IntStream.range(0, named.size()).boxed().toList());
          assertThat(named)
              .allSatisfy(
                  r -> {
                    assertThat(r.referrerId()).isEqualTo(held.leaderId());
                    assertThat(r.employeeId()).isEqualTo(held.employeeId());
                    assertThat(r.created()).isGreaterThan(held.end());
                  });
        });
    assertThat(byInterview.values().stream().map(List::size).distinct())
        .containsExactlyInAnyOrder(1, 2, 3);
  }

  @Test
  void chainsReachDepthThreeAndEveryReferralIsOneLinkBelowTheOneItsInterviewCameFrom() {
    for (Plan plan : List.of(DEFAULT, WIDE)) {
      Map<UUID, ReferralSeed> referrals = byId(plan.network().referrals(), ReferralSeed::id);
      Map<UUID, HistorySeed> interviews = byId(plan.history(), HistorySeed::interviewId);
      Set<UUID> written = new HashSet<>();
      for (ReferralSeed r : plan.network().referrals()) {
        HistorySeed given = interviews.get(r.interviewId());
        assertThat(r.cameFrom()).isEqualTo(given.referralId());
        if (r.cameFrom() == null) {
          assertThat(r.depth()).isEqualTo(1);
        } else {
          assertThat(written)
              .as("the referral it came from is listed first")
              .contains(r.cameFrom());
          assertThat(r.depth()).isEqualTo(referrals.get(r.cameFrom()).depth() + 1);
        }
        written.add(r.id());
      }
      assertThat(plan.network().referrals().stream().map(ReferralSeed::depth).distinct())
          .containsExactlyInAnyOrder(1, 2, 3);
    }
  }

  @Test
  void someReferralsLeadToAMeetingSomeToARequestInVainAndSomeToNothing() {
    Network network = DEFAULT.network();
    Map<UUID, ReferralSeed> referrals = byId(network.referrals(), ReferralSeed::id);
    List<HistorySeed> met = DEFAULT.history().stream().filter(h -> h.referralId() != null).toList();
    assertThat(met).isNotEmpty();
    met.forEach(
        h -> {
          ReferralSeed cited = referrals.get(h.referralId());
          assertThat(h.employeeId()).isEqualTo(cited.employeeId());
          assertThat(h.leaderId()).isEqualTo(cited.referredId());
          assertThat(h.requested()).isGreaterThan(cited.created());
        });
    assertThat(network.closedRequests())
        .extracting(ClosedRequestSeed::status)
        .contains(RequestStatus.DECLINED, RequestStatus.EXPIRED)
        .containsOnly(RequestStatus.DECLINED, RequestStatus.EXPIRED);
    network
        .closedRequests()
        .forEach(
            c -> {
              ReferralSeed cited = referrals.get(c.referralId());
              assertThat(c.employeeId()).isEqualTo(cited.employeeId());
              assertThat(c.leaderId()).isEqualTo(cited.referredId());
              assertThat(c.sent()).isGreaterThan(cited.created());
            });
    Set<UUID> followed = new HashSet<>();
    met.forEach(h -> followed.add(h.referralId()));
    network.closedRequests().forEach(c -> followed.add(c.referralId()));
    assertThat(followed.size())
        .isBetween(network.referrals().size() / 4, network.referrals().size() * 3 / 4);
  }

  @Test
  void mostThankOnTimeSomeLateAndSomeNever() {
    Map<UUID, HistorySeed> interviews = byId(DEFAULT.history(), HistorySeed::interviewId);
    List<ThankYouSeed> thanks = DEFAULT.network().thankYous();
    long onTime = thanks.stream().filter(ThankYouSeed::onTime).count();
    long late = thanks.size() - onTime;
    long never = DEFAULT.history().size() - thanks.size();
    assertThat(onTime).isGreaterThan(late + never);
    assertThat(late).isPositive();
    assertThat(never).isPositive();
    assertThat(thanks.stream().map(ThankYouSeed::interviewId).distinct()).hasSameSizeAs(thanks);
    thanks.forEach(
        t -> {
          HistorySeed held = interviews.get(t.interviewId());
          assertThat(t.interviewEnd()).isEqualTo(held.end());
          assertThat(t.employeeId()).isEqualTo(held.employeeId());
          assertThat(t.leaderId()).isEqualTo(held.leaderId());
          assertThat(t.sent()).isGreaterThan(t.interviewEnd());
        });
  }

  @Test
  void everyPairThatMetIsAContactOnTheProgramsCadenceWithTouchesThatAddUp() {
    Network network = DEFAULT.network();
    Set<List<UUID>> met =
        DEFAULT.history().stream()
            .map(h -> List.of(h.employeeId(), h.leaderId()))
            .collect(Collectors.toSet());
    assertThat(network.contacts())
        .extracting(c -> List.of(c.employeeId(), c.personId()))
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(met);
    Map<List<UUID>, Duration> firstMeeting =
        DEFAULT.history().stream()
            .collect(
                Collectors.toMap(
                    h -> List.of(h.employeeId(), h.leaderId()),
                    HistorySeed::end,
                    (a, b) -> a.compareTo(b) <= 0 ? a : b));
    for (ContactSeed c : network.contacts()) {
      assertThat(c.cadenceDays()).isEqualTo(30);
      assertThat(c.met()).isEqualTo(firstMeeting.get(List.of(c.employeeId(), c.personId())));
      assertThat(c.touches()).hasSize(c.touchesDue());
      assertThat(c.touches().stream().filter(TouchSeed::onTime).count())
          .isEqualTo(c.touchesOnTime());
      assertThat(c.touches()).isSortedAccordingTo(Comparator.comparing(TouchSeed::at));
      Duration since = c.lastTouch() == null ? c.met() : c.lastTouch();
      Duration due = since.plusDays(c.cadenceDays());
      if (c.snoozedForDays() == null) {
        assertThat(c.nextDue()).isEqualTo(due);
      } else {
        assertThat(c.snoozedForDays()).isPositive();
        assertThat(c.nextDue()).isEqualTo(max(due, Duration.ofDays(c.snoozedForDays())));
      }
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  @Test
  void keepingInTouchVariesAndTheWeeklyDigestHasWork() {
    List<ContactSeed> contacts = DEFAULT.network().contacts();
    Duration week = Duration.ofDays(7);
    assertThat(contacts)
        .anyMatch(c -> !c.stopped() && c.nextDue().isNegative())
        .anyMatch(
            c -> !c.stopped() && !c.nextDue().isNegative() && c.nextDue().compareTo(week) <= 0)
        .anyMatch(c -> c.nextDue().compareTo(week) > 0)
        .anyMatch(ContactSeed::stopped)
        .anyMatch(c -> c.snoozedForDays() != null)
        .anyMatch(c -> c.touchesDue() > 2 && c.touchesOnTime() == c.touchesDue())
        .anyMatch(c -> c.touchesDue() > 2 && c.touchesOnTime() == 0)
        .anyMatch(c -> c.touchesOnTime() > 0 && c.touchesOnTime() < c.touchesDue());
    assertThat(DEFAULT.network().digests())
        .anyMatch(d -> !d.weekly())
        .extracting(d -> d.personId())
        .doesNotHaveDuplicates();
  }

  @Test
  void leadersFlagSomeEmployeesWithStrengthsAndOnlySomeLetHrSeeIt() {
    Network network = DEFAULT.network();
    Map<UUID, HistorySeed> interviews = byId(DEFAULT.history(), HistorySeed::interviewId);
    assertThat(network.feedback().size()).isLessThan(DEFAULT.history().size() / 2);
    assertThat(network.feedback().stream().map(FeedbackSeed::interviewId).distinct())
        .hasSameSizeAs(network.feedback());
    network
        .feedback()
        .forEach(
            f -> {
              HistorySeed held = interviews.get(f.interviewId());
              assertThat(f.leaderId()).isEqualTo(held.leaderId());
              assertThat(f.employeeId()).isEqualTo(held.employeeId());
              assertThat(f.given()).isGreaterThan(held.end());
              assertThat(f.strengths())
                  .hasSizeLessThanOrEqualTo(LeaderFeedback.MAX_STRENGTHS)
                  .allSatisfy(s -> assertThat(s).doesNotContain(";").hasSizeLessThan(60));
              if (f.talentPool()) {
                assertThat(f.strengths()).isNotEmpty();
              }
            });
    Set<UUID> flagged =
        network.feedback().stream()
            .filter(FeedbackSeed::talentPool)
            .map(FeedbackSeed::employeeId)
            .collect(Collectors.toSet());
    Map<UUID, Boolean> consent =
        network.consents().stream()
            .collect(Collectors.toMap(c -> c.employeeId(), c -> c.visibleToHr()));
    assertThat(flagged).anyMatch(e -> Boolean.TRUE.equals(consent.get(e)));
    assertThat(flagged).anyMatch(e -> Boolean.FALSE.equals(consent.get(e)));
    assertThat(flagged).anyMatch(e -> !consent.containsKey(e));
    assertThat(network.feedback()).anyMatch(f -> !f.talentPool());
  }

  @Test
  void aFewLeadersOfferMentoringWhichIsAcceptedDeclinedOrStillOpen() {
    Network network = DEFAULT.network();
    Map<UUID, FeedbackSeed> feedback = byId(network.feedback(), FeedbackSeed::interviewId);
    assertThat(network.mentoring().size()).isBetween(5, network.feedback().size() / 5);
    assertThat(network.mentoring())
        .extracting(MentoringSeed::answer)
        .contains(MentoringOffer.Answer.ACCEPTED, MentoringOffer.Answer.DECLINED, null);
    network
        .mentoring()
        .forEach(
            m -> {
              assertThat(feedback.get(m.interviewId()).leaderId()).isEqualTo(m.leaderId());
              assertThat(m.answered() == null).isEqualTo(m.answer() == null);
              if (m.answered() != null) {
                assertThat(m.answered()).isGreaterThan(m.offered());
              }
            });
  }

  @Test
  void everythingThatFollowedHappenedBeforeTheSeedingDay() {
    Network network = DEFAULT.network();
    assertThat(DEFAULT.history())
        .allSatisfy(h -> assertThat(h.daysAgo()).isGreaterThanOrEqualTo(7));
    assertThat(network.thankYous()).allSatisfy(t -> assertThat(t.sent()).isNegative());
    assertThat(network.referrals()).allSatisfy(r -> assertThat(r.created()).isNegative());
    assertThat(network.closedRequests())
        .allSatisfy(
            c -> {
              assertThat(c.lastAttempt()).isNegative();
              if (c.status() == RequestStatus.EXPIRED) {
                assertThat(c.followUps()).isEqualTo(2);
                assertThat(c.lastAttempt().plusDays(7)).isNegative();
              } else {
                assertThat(c.answered()).isNegative();
              }
            });
    assertThat(network.contacts())
        .flatExtracting(ContactSeed::touches)
        .allSatisfy(t -> assertThat(t.at()).isNegative());
    assertThat(network.feedback()).allSatisfy(f -> assertThat(f.given()).isNegative());
    assertThat(network.consents()).allSatisfy(c -> assertThat(c.changed()).isNegative());
  }

  @Test
  void theWellKnownUsersTakePartInNothingNew() {
    Set<UUID> wellKnown =
        Set.of("ava", "ben", "leo", "mia", "hana").stream()
            .map(u -> person(DEFAULT, u).id())
            .collect(Collectors.toSet());
    Network network = DEFAULT.network();
    assertThat(DEFAULT.history())
        .filteredOn(h -> h.referralId() != null)
        .allSatisfy(h -> assertThat(wellKnown).doesNotContain(h.employeeId(), h.leaderId()));
    assertThat(network.referrals())
        .allSatisfy(
            r ->
                assertThat(wellKnown)
                    .doesNotContain(r.employeeId(), r.referrerId(), r.referredId()));
    assertThat(network.feedback())
        .allSatisfy(f -> assertThat(wellKnown).doesNotContain(f.leaderId()));
  }

  @Test
  void theIdsTheDatabaseKeysOnAreUnique() {
    for (Plan plan : List.of(DEFAULT, WIDE)) {
      assertThat(plan.history()).extracting(HistorySeed::interviewId).doesNotHaveDuplicates();
      assertThat(plan.network().referrals()).extracting(ReferralSeed::id).doesNotHaveDuplicates();
      assertThat(plan.network().closedRequests())
          .extracting(ClosedRequestSeed::id)
          .doesNotHaveDuplicates()
          .doesNotContainAnyElementsOf(
              plan.history().stream().map(HistorySeed::requestId).toList());
      assertThat(plan.network().contacts())
          .flatExtracting(ContactSeed::touches)
          .extracting(TouchSeed::id)
          .doesNotHaveDuplicates();
    }
  }

  @Test
  void everyoneHasAHiringDayWithinTenYearsAndSomeJoinedInTheLastTwo() {
    for (Plan plan : List.of(DEFAULT, WIDE)) {
      assertThat(plan.people()).allSatisfy(p -> assertThat(p.hiredDaysAgo()).isBetween(1, 3650));
      long recent = plan.people().stream().filter(p -> p.hiredDaysAgo() < 730).count();
      assertThat(recent).isBetween(plan.people().size() / 20L, plan.people().size() / 4L);
    }
  }

  @Test
  void nobodyTookPartInAnythingBeforeTheyWereHired() {
    for (Plan plan : List.of(DEFAULT, WIDE)) {
      Map<UUID, PersonSeed> people = byId(plan.people(), PersonSeed::id);
      plan.history()
          .forEach(
              h -> {
                assertThat(daysAgo(h.requested()))
                    .isLessThan(people.get(h.employeeId()).hiredDaysAgo())
                    .isLessThan(people.get(h.leaderId()).hiredDaysAgo());
              });
      assertThat(plan.network().closedRequests())
          .allSatisfy(
              c ->
                  assertThat(daysAgo(c.sent()))
                      .isLessThan(people.get(c.employeeId()).hiredDaysAgo()));
      assertThat(plan.moves())
          .allSatisfy(
              m -> assertThat(m.daysAgo()).isLessThan(people.get(m.personId()).hiredDaysAgo()));
      assertThat(plan.people())
          .filteredOn(p -> !p.active())
          .allSatisfy(p -> assertThat(p.leftDaysAgo()).isLessThan(p.hiredDaysAgo()));
    }
  }

  @Test
  void aboutOneInTenPeopleMovesDivisionEachYearOfTheLastTwo() {
    for (Plan plan : List.of(DEFAULT, WIDE)) {
      int size = plan.people().size();
      assertThat(plan.moves().size()).isBetween(size * 16 / 100, size * 24 / 100);
      assertThat(plan.moves())
          .allSatisfy(
              m -> {
                assertThat(m.daysAgo()).isBetween(1, 730);
                assertThat(m.fromDivisionId()).isNotEqualTo(m.toDivisionId());
              });
      assertThat(plan.moves()).extracting(MoveSeed::id).doesNotHaveDuplicates();
      long firstYear = plan.moves().stream().filter(m -> m.daysAgo() > 365).count();
      assertThat(firstYear).isBetween(plan.moves().size() / 5L, plan.moves().size() * 4L / 5);
    }
  }

  @Test
  void aPersonsMovesFollowEachOtherAndTheirDivisionIsWhereTheLastOneTookThem() {
    for (Plan plan : List.of(DEFAULT, WIDE)) {
      Map<UUID, PersonSeed> people = byId(plan.people(), PersonSeed::id);
      Map<UUID, List<MoveSeed>> byPerson =
          plan.moves().stream().collect(Collectors.groupingBy(MoveSeed::personId));
      byPerson.forEach(
          (personId, moves) -> {
            List<MoveSeed> inOrder =
                moves.stream()
                    .sorted(Comparator.comparingInt(MoveSeed::daysAgo).reversed())
                    .toList();
            for (int i = 1; i < inOrder.size(); i++) {
              assertThat(inOrder.get(i).daysAgo()).isLessThan(inOrder.get(i - 1).daysAgo());
              assertThat(inOrder.get(i).fromDivisionId())
                  .isEqualTo(inOrder.get(i - 1).toDivisionId());
            }
            PersonSeed person = people.get(personId);
            MoveSeed last = inOrder.get(inOrder.size() - 1);
            assertThat(person.divisionId()).isEqualTo(last.toDivisionId());
            PersonSeed manager = people.get(person.managerId());
            assertThat(manager.divisionId()).isEqualTo(person.divisionId());
          });
    }
  }

  @Test
  void someParticipantsMoveIntoADivisionTheyHadMetALeaderOf() {
    Map<UUID, PersonSeed> people = byId(DEFAULT.people(), PersonSeed::id);
    long into =
        DEFAULT.moves().stream()
            .filter(
                m ->
                    DEFAULT.history().stream()
                        .anyMatch(
                            h ->
                                h.employeeId().equals(m.personId())
                                    && h.daysAgo() > m.daysAgo()
                                    && people
                                        .get(h.leaderId())
                                        .divisionId()
                                        .equals(m.toDivisionId())))
            .count();
    assertThat(into).isGreaterThanOrEqualTo(50);
    Set<UUID> participants =
        DEFAULT.history().stream().map(HistorySeed::employeeId).collect(Collectors.toSet());
    long participantMoves =
        DEFAULT.moves().stream().filter(m -> participants.contains(m.personId())).count();
    double participantRate = (double) participantMoves / participants.size();
    long others =
        DEFAULT.people().stream()
            .filter(p -> !p.leader() && !participants.contains(p.id()))
            .count();
    double otherRate = (double) (DEFAULT.moves().size() - participantMoves) / others;
    assertThat(participantRate).isGreaterThan(otherRate);
  }

  @Test
  void aboutOneInFifteenLeavesEachYearAndParticipantsStayMoreOften() {
    for (Plan plan : List.of(DEFAULT, WIDE)) {
      int size = plan.people().size();
      List<PersonSeed> leavers = plan.people().stream().filter(p -> !p.active()).toList();
      assertThat(leavers.size()).isBetween(size * 10 / 100, size * 17 / 100);
      assertThat(leavers).allSatisfy(p -> assertThat(p.leftDaysAgo()).isBetween(1, 730));
    }
    Set<UUID> participants =
        DEFAULT.history().stream().map(HistorySeed::employeeId).collect(Collectors.toSet());
    List<PersonSeed> employees = DEFAULT.people().stream().filter(p -> !p.leader()).toList();
    double participantsLeft =
        employees.stream().filter(p -> participants.contains(p.id()) && !p.active()).count()
            / (double) participants.size();
    double othersLeft =
        employees.stream().filter(p -> !participants.contains(p.id()) && !p.active()).count()
            / (double) (employees.size() - participants.size());
    assertThat(participantsLeft).isPositive().isLessThan(othersLeft);
  }

  @Test
  void aLeaverTookPartInNothingOnOrAfterTheDayTheyLeftAndLeftNothingOpen() {
    for (Plan plan : List.of(DEFAULT, WIDE)) {
      Map<UUID, Duration> leftAt = new HashMap<>();
      plan.people().stream()
          .filter(p -> !p.active())
          .forEach(p -> leftAt.put(p.id(), Duration.ofDays(-p.leftDaysAgo())));
      Network network = plan.network();
      assertThat(plan.history())
          .filteredOn(h -> leftAt.containsKey(h.employeeId()))
          .isNotEmpty()
          .allSatisfy(h -> assertThat(h.end()).isLessThan(leftAt.get(h.employeeId())));
      assertThat(network.thankYous())
          .filteredOn(t -> leftAt.containsKey(t.employeeId()))
          .allSatisfy(t -> assertThat(t.sent()).isLessThan(leftAt.get(t.employeeId())));
      assertThat(network.referrals())
          .filteredOn(r -> leftAt.containsKey(r.employeeId()))
          .allSatisfy(r -> assertThat(r.created()).isLessThan(leftAt.get(r.employeeId())));
      assertThat(network.closedRequests())
          .filteredOn(c -> leftAt.containsKey(c.employeeId()))
          .allSatisfy(
              c -> {
                Duration closed =
                    c.status() == RequestStatus.EXPIRED
                        ? c.lastAttempt().plusDays(7)
                        : c.answered();
                assertThat(closed).isLessThan(leftAt.get(c.employeeId()));
              });
      assertThat(network.contacts())
          .filteredOn(c -> leftAt.containsKey(c.employeeId()))
          .isNotEmpty()
          .allSatisfy(
              c -> {
                assertThat(c.stopped()).isTrue();
                assertThat(c.touches())
                    .allSatisfy(t -> assertThat(t.at()).isLessThan(leftAt.get(c.employeeId())));
              });
      assertThat(network.feedback())
          .filteredOn(f -> leftAt.containsKey(f.employeeId()))
          .allSatisfy(f -> assertThat(f.given()).isLessThan(leftAt.get(f.employeeId())));
      assertThat(network.consents())
          .filteredOn(c -> leftAt.containsKey(c.employeeId()))
          .allSatisfy(c -> assertThat(c.changed()).isLessThan(leftAt.get(c.employeeId())));
      assertThat(network.mentoring())
          .filteredOn(m -> leftAt.containsKey(m.employeeId()))
          .allSatisfy(
              m -> {
                assertThat(m.answer()).isNotNull();
                assertThat(m.answered()).isLessThan(leftAt.get(m.employeeId()));
              });
      assertThat(plan.interests()).noneMatch(i -> leftAt.containsKey(i.personId()));
    }
  }

  @Test
  void nobodyTheContractOrTheTestsSignInAsMovesOrLeaves() {
    for (Plan plan : List.of(DEFAULT, WIDE)) {
      Map<UUID, PersonSeed> people = byId(plan.people(), PersonSeed::id);
      Set<UUID> participants =
          plan.history().stream().map(HistorySeed::employeeId).collect(Collectors.toSet());
      Set<UUID> changed = new HashSet<>();
      plan.moves().forEach(m -> changed.add(m.personId()));
      plan.people().stream().filter(p -> !p.active()).forEach(p -> changed.add(p.id()));
      assertThat(changed)
          .extracting(people::get)
          .allSatisfy(
              p -> {
                assertThat(p.leader()).as(p.username()).isFalse();
                assertThat(p.hr()).as(p.username()).isFalse();
                assertThat(p.username()).isNotIn("ava", "ben", "leo", "mia", "hana");
              });
      // The tests' fresh employees: active, level 4 or more, no interview. None of them moved.
      assertThat(plan.moves())
          .extracting(m -> people.get(m.personId()))
          .filteredOn(p -> !participants.contains(p.id()))
          .allSatisfy(p -> assertThat(p.level()).isLessThan(4));
    }
  }

  @Test
  void hrSeesTwentyOrMoreFlaggedEmployeesWhoConsentedAndAreStillHere() {
    Map<UUID, PersonSeed> people = byId(DEFAULT.people(), PersonSeed::id);
    Set<UUID> flagged =
        DEFAULT.network().feedback().stream()
            .filter(FeedbackSeed::talentPool)
            .map(FeedbackSeed::employeeId)
            .collect(Collectors.toSet());
    long visible =
        DEFAULT.network().consents().stream()
            .filter(c -> c.visibleToHr() && flagged.contains(c.employeeId()))
            .filter(c -> people.get(c.employeeId()).active())
            .count();
    assertThat(visible).isGreaterThanOrEqualTo(20);
  }

  @Test
  void noLeaderHeldMoreInterviewsInAMonthOfTheirTimeZoneThanTheirCapWhicheverDayTheDemoIsSeeded() {
    for (Plan plan : List.of(DEFAULT, IT, WIDE)) {
      Map<UUID, PersonSeed> people = byId(plan.people(), PersonSeed::id);
      for (LocalDate day : SEEDING_DAYS) {
        Instant seeded = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<List<Object>, Integer> held = new HashMap<>();
        for (HistorySeed h : plan.history()) {
          PersonSeed leader = people.get(h.leaderId());
          YearMonth month = YearMonth.from(seeded.plus(h.start()).atZone(leader.timeZone()));
          held.merge(List.of(leader.id(), month), 1, Integer::sum);
        }
        held.forEach(
            (leaderMonth, interviews) -> {
              PersonSeed leader = people.get((UUID) leaderMonth.get(0));
              assertThat(interviews)
                  .as("%s in %s, seeded on %s", leader.username(), leaderMonth.get(1), day)
                  .isLessThanOrEqualTo(leader.monthlyCap());
            });
      }
    }
  }

  /**
   * The leaders report's load buckets, by held interviews in the period (docs/METRICS.md,
   * "Leaders"): each must hold at least 5 leaders, or the report withholds it, and with it the
   * Lorenz curve and the Gini.
   */
  static String loadBucket(long held) {
    return held <= 2 ? String.valueOf(held) : held <= 4 ? "3-4" : held <= 9 ? "5-9" : "10+";
  }

  @Test
  void theLeadersReportHasFiveLeadersOrMoreInEveryLoadBucketOfItsDefaultPeriodWhicheverDaySeeded() {
    for (Plan plan : List.of(DEFAULT, IT)) {
      List<PersonSeed> leaders = plan.people().stream().filter(PersonSeed::leader).toList();
      for (LocalDate day : SEEDING_DAYS) {
        // The default period, read on the seeding day: this month and the eleven before, in UTC.
        LocalDate from = YearMonth.from(day).minusMonths(11).atDay(1);
        LocalDate to = YearMonth.from(day).atEndOfMonth();
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant seeded = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<UUID, Long> held =
            plan.history().stream()
                .filter(h -> !seeded.plus(h.start()).isBefore(start))
                .filter(h -> seeded.plus(h.start()).isBefore(end))
                .collect(Collectors.groupingBy(HistorySeed::leaderId, Collectors.counting()));
        Map<String, Integer> buckets = new HashMap<>();
        List.of("0", "1", "2", "3-4", "5-9", "10+").forEach(bucket -> buckets.put(bucket, 0));
        leaders.stream()
            .filter(l -> !day.minusDays(l.hiredDaysAgo()).isAfter(to))
            .filter(l -> l.active() || day.minusDays(l.leftDaysAgo()).isAfter(from))
            .forEach(
                l -> buckets.merge(loadBucket(held.getOrDefault(l.id(), 0L)), 1, Integer::sum));
        assertThat(buckets)
            .as("%d people seeded on %s", plan.people().size(), day)
            .allSatisfy((bucket, count) -> assertThat(count).as(bucket).isGreaterThanOrEqualTo(5));
      }
    }
  }
}
