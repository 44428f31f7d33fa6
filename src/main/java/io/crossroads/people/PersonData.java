package io.crossroads.people;

import io.crossroads.platform.privacy.PersonalData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * The directory's part of a person's export: their entry with the days they joined and left, and
 * their leader profile.
 */
@ApplicationScoped
class PersonData implements PersonalData {

  @Inject PeopleService people;

  @Override
  public String part() {
    return "person";
  }

  @Override
  @Transactional
  public Object about(UUID personId) {
    return people.personalEntry(personId);
  }
}
