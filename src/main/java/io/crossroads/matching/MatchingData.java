package io.crossroads.matching;

import io.crossroads.platform.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** What matching holds about a person, for their export: interests, goals, introductions. */
@ApplicationScoped
public class MatchingData implements PersonalData {

  public record Export(
      MatchingViews.InterestsView interests, List<MatchingViews.IntroductionView> introductions) {}

  @Inject MatchingService matching;

  @Override
  public String part() {
    return "matching";
  }

  @Override
  public Object about(UUID personId) {
    return new Export(matching.interests(personId), matching.introductions(personId));
  }
}
