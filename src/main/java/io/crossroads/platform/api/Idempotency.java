package io.crossroads.platform.api;

import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for creating POSTs: the first response is stored in the same transaction
 * as what it created, and a retry with the same key and body gets it again, byte for byte. The same
 * key with another body is refused with 422.
 */
@ApplicationScoped
public class Idempotency {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";
  private static final int MAX_KEY_LENGTH = 200;
  private static final Jsonb JSON = JsonbBuilder.create();

  /** What a creating operation made: where it lives and how it looks. */
  public record Created(URI location, Object entity) {}

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  @Transactional
  public Response create(UUID owner, String key, Object body, Supplier<Created> creation) {
    if (key == null) {
      Created created = creation.get();
      return Response.created(created.location()).entity(created.entity()).build();
    }
    if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
      throw Refusal.invalid(HEADER, "must have 1 to " + MAX_KEY_LENGTH + " characters");
    }
    String hash = sha256(JSON.toJson(body));
    List<?> stored =
        em.createNativeQuery(
                "select request_hash, response_status, response_body, location"
                    + " from idempotency_record where owner_id = ?1 and idempotency_key = ?2")
            .setParameter(1, owner)
            .setParameter(2, key)
            .getResultList();
    if (!stored.isEmpty()) {
      Object[] row = (Object[]) stored.get(0);
      if (!hash.equals(row[0])) {
        throw new Refusal(
            ProblemType.IDEMPOTENCY_KEY_REUSED,
            "The key " + key + " was first used with a different body.");
      }
      Response.ResponseBuilder replay =
          Response.status(((Number) row[1]).intValue())
              .type(MediaType.APPLICATION_JSON_TYPE)
              .entity(row[2])
              .header(REPLAYED_HEADER, "true");
      if (row[3] != null) {
        replay.location(URI.create((String) row[3]));
      }
      return replay.build();
    }
    Created created = creation.get();
    String json = JSON.toJson(created.entity());
    em.createNativeQuery(
            "insert into idempotency_record (owner_id, idempotency_key, request_hash,"
                + " response_status, response_body, location, created_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .setParameter(1, owner)
        .setParameter(2, key)
        .setParameter(3, hash)
        .setParameter(4, Response.Status.CREATED.getStatusCode())
        .setParameter(5, json)
        .setParameter(6, created.location().toString())
        .setParameter(7, clock.instant())
        .executeUpdate();
    return Response.created(created.location())
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(json)
        .build();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
