package io.crossroads.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossroads.demo.DemoOrganisation.PersonSeed;
import io.crossroads.demo.DemoOrganisation.Plan;
import io.crossroads.people.LeaderProfile;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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

  @Test
  void theSameSizeAndSeedAlwaysGiveTheSameOrganisation() {
    assertThat(DemoOrganisation.generate(2000)).isEqualTo(DEFAULT);
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
}
