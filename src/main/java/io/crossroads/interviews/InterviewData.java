package io.crossroads.interviews;

import io.crossroads.platform.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** The interviews a person had, either side, with their history, for their export. */
@ApplicationScoped
class InterviewData implements PersonalData {

  @Inject InterviewService interviews;

  @Override
  public String part() {
    return "interviews";
  }

  @Override
  public Object about(UUID personId) {
    return interviews.allOf(personId);
  }
}
