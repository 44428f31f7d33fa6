package io.crossroads.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Looks up who is signing in and checks their password. */
@ApplicationScoped
public class Accounts {

  private static final int MAX_REMEMBERED = 10_000;

  @PersistenceContext EntityManager em;

  /**
   * PBKDF2 costs tens of milliseconds by design; scripts send Basic credentials with every call. A
   * password already verified against the current stored hash is remembered by a digest of both, so
   * a changed hash invalidates it without any cross-instance coordination.
   */
  private final Map<String, String> verified = new ConcurrentHashMap<>();

  /** The caller for a user name and password, if both are right and the person is active. */
  public Optional<Caller> authenticate(String username, String password) {
    if (username == null || password == null || username.isBlank() || username.length() > 100) {
      return Optional.empty();
    }
    List<Object[]> rows =
        em.createQuery(
                "select p.id, p.username, p.leader, p.hr, c.passwordHash"
                    + " from Person p, Credential c where c.personId = p.id"
                    + " and p.username = :username and p.active = true",
                Object[].class)
            .setParameter("username", username.toLowerCase())
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = rows.get(0);
    String storedHash = (String) row[4];
    String digest = digest(storedHash, password);
    if (!digest.equals(verified.get(username))) {
      if (!PasswordHasher.verify(password, storedHash)) {
        return Optional.empty();
      }
      if (verified.size() > MAX_REMEMBERED) {
        verified.clear();
      }
      verified.put(username, digest);
    }
    return Optional.of(toCaller(row));
  }

  /**
   * The active person an identity provider's account is, as a caller with the roles its token
   * grants. A person is the account (the token's subject), never merely its user name, which the
   * provider may give to someone else later: the directory sync records each person's subject. Only
   * where nothing syncs the directory from the provider ({@code linkByUsername}) does a first
   * sign-in record it, for the active person with the token's user name who has none yet; from then
   * on that person is that account alone.
   */
  @Transactional
  public Optional<Caller> bySubject(
      String subject, String username, Set<Role> roles, boolean linkByUsername) {
    if (subject == null || subject.isBlank() || subject.length() > 255) {
      return Optional.empty();
    }
    List<Object[]> linked =
        em.createQuery(
                "select p.id, p.username, p.active from Person p where p.oidcSubject = :subject",
                Object[].class)
            .setParameter("subject", subject)
            .getResultList();
    if (!linked.isEmpty()) {
      Object[] row = linked.get(0);
      return Boolean.TRUE.equals(row[2])
          ? Optional.of(new Caller((UUID) row[0], (String) row[1], roles))
          : Optional.empty();
    }
    if (!linkByUsername || username == null) {
      return Optional.empty();
    }
    // Conditional, so two first sign-ins at once link one account at most (the subject is unique).
    int updated =
        em.createQuery(
                "update Person p set p.oidcSubject = :subject where p.username = :username"
                    + " and p.active = true and p.oidcSubject is null")
            .setParameter("subject", subject)
            .setParameter("username", username.toLowerCase(java.util.Locale.ROOT))
            .executeUpdate();
    if (updated == 0) {
      return Optional.empty();
    }
    return em.createQuery(
            "select p.id, p.username from Person p where p.oidcSubject = :subject", Object[].class)
        .setParameter("subject", subject)
        .getResultStream()
        .findFirst()
        .map(row -> new Caller((UUID) row[0], (String) row[1], roles));
  }

  /** The caller for a person id kept in a session, if that person is still active. */
  public Optional<Caller> find(UUID personId) {
    return em.createQuery(
            "select p.id, p.username, p.leader, p.hr from Person p"
                + " where p.id = :id and p.active = true",
            Object[].class)
        .setParameter("id", personId)
        .getResultStream()
        .findFirst()
        .map(Accounts::toCaller);
  }

  private static Caller toCaller(Object[] row) {
    return Caller.of(
        (UUID) row[0], (String) row[1], Boolean.TRUE.equals(row[2]), Boolean.TRUE.equals(row[3]));
  }

  private static String digest(String storedHash, String password) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(storedHash.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      return HexFormat.of().formatHex(sha.digest(password.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
