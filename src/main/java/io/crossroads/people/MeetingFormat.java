package io.crossroads.people;

/** How an informational interview takes place. */
public enum MeetingFormat {
  VIDEO,
  PHONE,
  IN_PERSON
}
