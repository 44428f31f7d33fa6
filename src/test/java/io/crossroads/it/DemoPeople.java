package io.crossroads.it;

import jakarta.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out generated employees from the demo organisation, each to one test only (across every
 * test class of the run), so that tests sharing a database never trip over each other's requests or
 * mail.
 */
public final class DemoPeople {

  /** Everyone handed out so far in this run, by any instance. */
  private static final Set<String> TAKEN = ConcurrentHashMap.newKeySet();

  private final Deque<JsonObject> employees = new ArrayDeque<>();
  private final Api api;

  /**
   * Employees (not leaders) outside the excluded divisions who may ask Leo and Mia, in directory
   * order. The directory lists only people still employed, so nobody the demo had leave is handed
   * out; and the demo moves nobody of level 4 or more who held no interview.
   */
  public DemoPeople(Api api, String... excludedDivisions) {
    this.api = api;
    java.util.Set<String> excluded = java.util.Set.of(excludedDivisions);
    int offset = 0;
    while (true) {
      Api.Reply page = api.get("ava", "api/people?limit=500&offset=" + offset);
      if (page.status() != 200) {
        throw new IllegalStateException("directory unavailable: " + page);
      }
      page.items().stream()
          .map(JsonObject.class::cast)
          .filter(p -> !p.getBoolean("leader"))
          .filter(p -> !excluded.contains(p.getString("divisionName")))
          .filter(p -> p.getString("username").contains("."))
          // Within the level band of the demo's well-known leaders, Leo and Mia (level 7).
          .filter(p -> p.getInt("level") >= 4)
          .forEach(employees::add);
      offset += 500;
      if (offset >= page.json().getInt("total")) {
        return;
      }
    }
  }

  /**
   * The user name of a fresh employee: nobody else's in this run, and without the interviews the
   * demo's history gave some people (the program keeps a pair who met apart for months).
   */
  public synchronized String take() {
    for (JsonObject next = employees.poll(); next != null; next = employees.poll()) {
      String username = next.getString("username");
      if (TAKEN.add(username)
          && api.get(username, "api/interviews?limit=1").json().getInt("total") == 0) {
        return username;
      }
    }
    throw new IllegalStateException("the demo organisation has no unused employee left");
  }
}
