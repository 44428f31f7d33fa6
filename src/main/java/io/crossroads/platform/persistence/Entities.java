package io.crossroads.platform.persistence;

import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;

/** Reading several entities by id at once. */
public final class Entities {

  private Entities() {}

  /**
   * The entities with these ids that exist, by id, in one query; those already loaded in this
   * transaction are not read again.
   */
  public static <T> Map<UUID, T> byIds(
      EntityManager em, Class<T> type, List<UUID> ids, Function<T, UUID> idOf) {
    Map<UUID, T> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    em
        .unwrap(Session.class)
        .byMultipleIds(type)
        .enableSessionCheck(true)
        .multiLoad(ids.stream().distinct().toList())
        .stream()
        .filter(Objects::nonNull)
        .forEach(entity -> found.put(idOf.apply(entity), entity));
    return found;
  }
}
