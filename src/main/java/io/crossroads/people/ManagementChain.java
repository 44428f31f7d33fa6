package io.crossroads.people;

import java.util.UUID;

/**
 * Who reports to whom, for the privacy rule that a person's management chain sees nothing of their
 * exploring (DESIGN.md, "Privacy rules"): the one place lists of people read it in SQL.
 */
public final class ManagementChain {

  /** Deeper than any reporting line; a loop in bad data ends here. */
  private static final int DEPTH = 50;

  private ManagementChain() {}

  /**
   * A recursive common table expression named {@code below} (column {@code id}): everyone whose
   * management chain includes {@code person}, that is their reports, their reports' reports and so
   * on. It follows {@code with recursive}; the id is written into the statement from its UUID.
   */
  public static String below(UUID person) {
    return "below (id, depth) as (select p.id, 1 from person p where p.manager_id = '"
        + person
        + "' union all select p.id, b.depth + 1 from person p join below b on p.manager_id = b.id"
        + " where b.depth < "
        + DEPTH
        + ")";
  }
}
