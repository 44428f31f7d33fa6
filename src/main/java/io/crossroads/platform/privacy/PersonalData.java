package io.crossroads.platform.privacy;

import java.util.UUID;

/**
 * What one feature holds about a person, for the person's own export ({@code GET /api/me/export}).
 * Every feature that keeps something about people answers with its part; the export asks them all,
 * so nothing is left out by forgetting a table here.
 */
public interface PersonalData {

  /** The name of this part in the export. */
  String part();

  /** Everything this feature holds about the person, as records, lists and maps. */
  Object about(UUID personId);
}
