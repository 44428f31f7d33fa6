package io.crossroads.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crossroads.platform.problem.Refusal;
import io.crossroads.program.ProgramRules;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LeaderProfileTest {

  final LeaderProfile profile = new LeaderProfile(UUID.randomUUID(), ProgramRules.DEFAULT);

  @Test
  void aNewLeaderAcceptsRequestsWithTheProgramDefaults() {
    assertThat(profile.acceptingRequests()).isTrue();
    assertThat(profile.monthlyCap()).isEqualTo(4);
    assertThat(profile.lengths()).containsExactly(15, 20, 30);
    assertThat(profile.formats()).containsExactlyInAnyOrder(MeetingFormat.values());
  }

  @Test
  void offeringReplacesEverythingAndNormalisesTopics() {
    profile.offer(
        false,
        List.of(" Data Engineering ", "data engineering", "Pricing", " "),
        " Ask me about pipelines ",
        6,
        List.of(30, 15),
        List.of(MeetingFormat.PHONE),
        ProgramRules.DEFAULT);

    assertThat(profile.acceptingRequests()).isFalse();
    assertThat(profile.topics()).containsExactly("data engineering", "pricing");
    assertThat(profile.bio()).isEqualTo("Ask me about pipelines");
    assertThat(profile.monthlyCap()).isEqualTo(6);
    assertThat(profile.offers(30)).isTrue();
    assertThat(profile.offers(20)).isFalse();
    assertThat(profile.offers(MeetingFormat.PHONE)).isTrue();
    assertThat(profile.offers(MeetingFormat.VIDEO)).isFalse();
  }

  @Test
  void aCapAboveTheProgramMaximumIsRefusedAndNothingChanges() {
    assertThatThrownBy(
            () ->
                profile.offer(
                    true,
                    List.of("x"),
                    "",
                    41,
                    List.of(20),
                    List.of(MeetingFormat.VIDEO),
                    ProgramRules.DEFAULT))
        .isInstanceOfSatisfying(
            Refusal.class,
            refusal ->
                assertThat(refusal.problem().errors())
                    .extracting("field")
                    .containsExactly("monthlyCap"));
    assertThat(profile.monthlyCap()).isEqualTo(4);
    assertThat(profile.topics()).isEmpty();
  }

  @Test
  void lengthsOutsideTheProgramAreRefused() {
    assertThatThrownBy(
            () ->
                profile.offer(
                    true,
                    List.of(),
                    "",
                    4,
                    List.of(20, 45),
                    List.of(MeetingFormat.VIDEO),
                    ProgramRules.DEFAULT))
        .isInstanceOf(Refusal.class);
  }

  @Test
  void aNewLeaderGetsTheProgramsCurrentDefaultsAndOnlyItsLengths() {
    ProgramRules rules =
        new ProgramRules(List.of(20, 45), 45, 2, 3, 6, 2, 5, 5, 3, 6, 30, List.of());
    LeaderProfile fresh = new LeaderProfile(UUID.randomUUID(), rules);

    assertThat(fresh.monthlyCap()).isEqualTo(2);
    assertThat(fresh.lengths()).containsExactly(20, 45);
    fresh.offer(true, List.of(), "", 4, List.of(45), List.of(MeetingFormat.VIDEO), rules);
    assertThat(fresh.offers(45)).isTrue();
    assertThatThrownBy(
            () ->
                fresh.offer(
                    true, List.of(), "", 4, List.of(15), List.of(MeetingFormat.VIDEO), rules))
        .isInstanceOf(Refusal.class);
  }

  @Test
  void atLeastOneFormatIsNeeded() {
    assertThatThrownBy(
            () ->
                profile.offer(
                    true,
                    List.of(),
                    "",
                    4,
                    List.of(20),
                    EnumSet.noneOf(MeetingFormat.class),
                    ProgramRules.DEFAULT))
        .isInstanceOf(Refusal.class);
  }

  @Test
  void topicsAreLimitedInNumberAndLength() {
    List<String> many = IntStream.range(0, 21).mapToObj(i -> "topic " + i).toList();
    assertThatThrownBy(
            () ->
                profile.offer(
                    true,
                    many,
                    "",
                    4,
                    List.of(20),
                    List.of(MeetingFormat.VIDEO),
                    ProgramRules.DEFAULT))
        .isInstanceOf(Refusal.class);
    assertThatThrownBy(
            () ->
                profile.offer(
                    true,
                    List.of(String.join("", Collections.nCopies(61, "x"))),
                    "",
                    4,
                    List.of(20),
                    List.of(MeetingFormat.VIDEO),
                    ProgramRules.DEFAULT))
        .isInstanceOf(Refusal.class);
  }
}
