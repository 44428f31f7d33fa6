package io.crossroads.it;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Hands out open slots of one leader, read from the API, each to one caller only and at least 45
 * minutes apart, so that interviews booked by different tests never touch.
 */
public final class Slots {

  private final Deque<Instant> free = new ArrayDeque<>();

  public Slots(Api api, String user, String leaderId, Instant from) {
    Api.Reply reply =
        api.get(
            user,
            "api/leaders/"
                + leaderId
                + "/slots?length=20&from="
                + from
                + "&to="
                + from.plus(Duration.ofDays(30)));
    if (reply.status() != 200) {
      throw new IllegalStateException("no slots: " + reply);
    }
    Instant last = Instant.MIN;
    for (JsonObject slot : reply.array().getValuesAs(JsonObject.class)) {
      Instant start = Instant.parse(slot.getString("start"));
      if (!start.isBefore(last.plus(Duration.ofMinutes(45)))) {
        free.add(start);
        last = start;
      }
    }
  }

  public synchronized Instant next() {
    Instant next = free.poll();
    if (next == null) {
      throw new IllegalStateException("the leader has no unused open slot left");
    }
    return next;
  }
}
