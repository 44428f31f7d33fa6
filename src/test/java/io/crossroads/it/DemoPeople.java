package io.crossroads.it;

import jakarta.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Hands out generated employees from the demo organisation, each to one test only, so that tests
 * sharing a database never trip over each other's requests.
 */
public final class DemoPeople {

  private final Deque<JsonObject> employees = new ArrayDeque<>();

  /** Employees (not leaders) outside the excluded divisions, in directory order. */
  public DemoPeople(Api api, String... excludedDivisions) {
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
          .forEach(employees::add);
      offset += 500;
      if (offset >= page.json().getInt("total")) {
        return;
      }
    }
  }

  /** The user name of a fresh employee. */
  public synchronized String take() {
    JsonObject next = employees.poll();
    if (next == null) {
      throw new IllegalStateException("the demo organisation has no unused employee left");
    }
    return next.getString("username");
  }
}
