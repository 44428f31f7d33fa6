package io.crossroads.requests;

import java.util.List;
import java.util.UUID;

/**
 * Leaders an employee could ask instead, for the message that tells them a request expired (DESIGN
 * rule 5: move on, towards other leaders). Matching answers it; requests does not know how.
 */
public interface OtherLeaders {

  /** Up to {@code limit} leaders, each as "name (division)", best first, never {@code except}. */
  List<String> suggest(UUID employeeId, UUID except, int limit);
}
