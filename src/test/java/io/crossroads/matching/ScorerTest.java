package io.crossroads.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossroads.program.Eligibility;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScorerTest {

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final UUID FINANCE = UUID.randomUUID();
  static final UUID DATA = UUID.randomUUID();
  static final UUID SALES = UUID.randomUUID();

  static LeaderCard leader(String name, UUID division, int level, Set<String> topics) {
    return new LeaderCard(
        UUID.nameUUIDFromBytes(name.getBytes()),
        name,
        division,
        division == DATA ? "Data Platform" : "Sales",
        level,
        BERLIN,
        topics,
        true,
        4,
        0,
        0);
  }

  static Seeker seeker(Set<UUID> chain, Set<UUID> met, Map<UUID, String> referrals) {
    return new Seeker(
        UUID.randomUUID(),
        FINANCE,
        4,
        NEW_YORK,
        chain,
        Set.of(DATA),
        Set.of("Machine Learning", "leadership"),
        referrals,
        met,
        Set.of());
  }

  final LeaderCard ml = leader("ml", DATA, 7, Set.of("machine learning", "analytics"));
  final LeaderCard common = leader("common", SALES, 7, Set.of("leadership", "negotiation"));
  final LeaderCard otherLeadership = leader("other", SALES, 6, Set.of("leadership"));
  final LeaderPool pool =
      new LeaderPool(List.of(ml, common, otherLeadership), LocalDate.of(2026, 4, 15));
  final Scorer scorer = new Scorer(pool, Eligibility.DEFAULT);

  @Test
  void everyPointOfAScoreIsExplainedByAReason() {
    Seeker ava = seeker(Set.of(), Set.of(), Map.of(common.id(), "Mia Chen"));
    for (LeaderCard leader : pool.leaders()) {
      Match match = scorer.explain(ava, leader);
      assertThat(match.score())
          .isEqualTo(scorer.points(ava, leader))
          .isEqualTo(match.reasons().stream().mapToInt(Reason::points).sum());
    }
    assertThat(scorer.explain(ava, ml).reasons())
        .extracting(Reason::text)
        .containsExactly(
            "works in Data Platform, a division you target",
            "1 of your topics: machine learning",
            "working hours overlap 2 h",
            "4 of 4 places free this month");
    assertThat(scorer.explain(ava, common).reasons())
        .extracting(Reason::text)
        .startsWith("referred by Mia Chen");
  }

  @Test
  void aRareTopicCountsForMoreThanOneManyLeadersShare() {
    assertThat(pool.topicPoints("machine learning")).isGreaterThan(pool.topicPoints("leadership"));
    assertThat(pool.topicPoints("underwater basket weaving")).isZero();
  }

  @Test
  void workingHoursOverlapFollowsDaylightSavingTime() {
    // New York moved its clocks on 8 March, Berlin on 29 March: five hours apart in between.
    assertThat(new LeaderPool(List.of(), LocalDate.of(2026, 3, 18)).overlapHours(NEW_YORK, BERLIN))
        .isEqualTo(3);
    assertThat(new LeaderPool(List.of(), LocalDate.of(2026, 4, 15)).overlapHours(NEW_YORK, BERLIN))
        .isEqualTo(2);
    assertThat(pool.overlapHours(ZoneId.of("Asia/Tokyo"), NEW_YORK)).isZero();
  }

  @Test
  void eachHardConstraintExcludesALeaderWhateverTheScore() {
    Seeker ava = seeker(Set.of(), Set.of(), Map.of());
    assertThat(scorer.eligible(ava, ml)).isTrue();
    assertThat(scorer.eligible(seeker(Set.of(ml.id()), Set.of(), Map.of()), ml))
        .as("own chain")
        .isFalse();
    assertThat(scorer.eligible(seeker(Set.of(), Set.of(ml.id()), Map.of()), ml))
        .as("met recently")
        .isFalse();
    assertThat(
            scorer.eligible(
                ava,
                new LeaderCard(
                    ml.id(), "x", FINANCE, "Finance", 7, BERLIN, Set.of(), true, 4, 0, 0)))
        .as("same division")
        .isFalse();
    assertThat(
            scorer.eligible(
                ava,
                new LeaderCard(
                    ml.id(), "x", DATA, "Data Platform", 8, BERLIN, Set.of(), true, 4, 0, 0)))
        .as("four grades above")
        .isFalse();
    assertThat(
            scorer.eligible(
                ava,
                new LeaderCard(
                    ml.id(), "x", DATA, "Data Platform", 7, BERLIN, Set.of(), false, 4, 0, 0)))
        .as("not accepting")
        .isFalse();
    assertThat(
            scorer.eligible(
                ava,
                new LeaderCard(
                    ml.id(), "x", DATA, "Data Platform", 7, BERLIN, Set.of(), true, 4, 4, 0)))
        .as("cap reached")
        .isFalse();
    Seeker waiting =
        new Seeker(
            ava.id(),
            FINANCE,
            4,
            NEW_YORK,
            Set.of(),
            Set.of(),
            Set.of(),
            Map.of(),
            Set.of(),
            Set.of(ml.id()));
    assertThat(scorer.eligible(waiting, ml)).as("a request already waiting").isFalse();
  }

  @Test
  void aLeaderWithManyRequestsWaitingSinksBelowAnUnderUsedOne() {
    LeaderCard busy =
        new LeaderCard(
            UUID.randomUUID(),
            "busy",
            SALES,
            "Sales",
            7,
            BERLIN,
            Set.of("leadership"),
            true,
            4,
            1,
            6);
    LeaderCard idle =
        new LeaderCard(
            UUID.randomUUID(),
            "idle",
            SALES,
            "Sales",
            7,
            BERLIN,
            Set.of("leadership"),
            true,
            4,
            0,
            0);
    Scorer both =
        new Scorer(
            new LeaderPool(List.of(busy, idle), LocalDate.of(2026, 4, 15)), Eligibility.DEFAULT);
    List<Match> ranked = both.recommend(seeker(Set.of(), Set.of(), Map.of()), 2);
    assertThat(ranked).extracting(m -> m.leader().displayName()).containsExactly("idle", "busy");
    assertThat(ranked.get(1).reasons()).extracting(Reason::code).contains("busy");
  }
}
