package io.crossroads.requests;

import io.crossroads.platform.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** The requests a person sent or received, with their messages and history, for their export. */
@ApplicationScoped
class RequestData implements PersonalData {

  @Inject RequestService requests;

  @Override
  public String part() {
    return "requests";
  }

  @Override
  public Object about(UUID personId) {
    return requests.allOf(personId);
  }
}
