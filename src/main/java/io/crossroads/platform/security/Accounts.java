package io.crossroads.platform.security;

import io.crossroads.platform.persistence.DatabaseMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Looks up who is signing in and checks their password. */
@ApplicationScoped
public class Accounts {

  private static final int MAX_REMEMBERED = 10_000;
  private static final int MAX_USERNAME = 100;
  private static final String PER_ACCOUNT = "sign-in/account";
  private static final String PER_ADDRESS = "sign-in/address";

  /** Checked against when nobody has the user name, so that costs what a wrong password costs. */
  private static final String UNKNOWN_USER_HASH = PasswordHasher.hash(UUID.randomUUID().toString());

  @PersistenceContext EntityManager em;

  @Resource(lookup = DatabaseMigration.DATA_SOURCE)
  DataSource dataSource;

  @Inject RateLimits limits;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "crossroads.rate.sign-in.per-account", defaultValue = "10")
  int perAccount;

  @Inject
  @ConfigProperty(name = "crossroads.rate.sign-in.per-address", defaultValue = "100")
  int perAddress;

  @Inject
  @ConfigProperty(name = "crossroads.rate.sign-in.window", defaultValue = "PT15M")
  Duration window;

  /**
   * How long a verified password is remembered: a script sending Basic credentials with every call
   * pays the deliberate PBKDF2 cost at most once in this time, not on every call.
   */
  static final Duration REMEMBERED_FOR = Duration.ofMinutes(10);

  /**
   * Passwords already verified, by account: a SHA-256 digest of the stored hash and the password,
   * and until when it stands. Safe to keep because:
   *
   * <ul>
   *   <li>it is consulted only after the statement that reads the account has found the throttle
   *       open, so a remembered password never lets a throttled name or address through, and only
   *       the exact password matches the digest;
   *   <li>the account's row is read on every call, on every instance: a person disabled or gone is
   *       refused at once, and a changed password changes the stored hash (and its salt), so the
   *       old digest matches nothing, wherever it was remembered;
   *   <li>no password is kept, only a digest salted by the stored hash, each for at most {@link
   *       #REMEMBERED_FOR};
   *   <li>at most {@link #MAX_REMEMBERED} accounts: beyond that all are forgotten at once, so a
   *       flood of sign-ins costs its own PBKDF2 rounds, never memory.
   * </ul>
   */
  private final Map<String, Remembered> verified = new ConcurrentHashMap<>();

  private record Remembered(String digest, Instant until) {}

  /** What a password sign-in came to. */
  public sealed interface SignIn {

    /** The user name and password are right and the person is active. */
    record SignedIn(Caller caller) implements SignIn {}

    /** Wrong, unknown or inactive: the caller is not told which. */
    record Refused() implements SignIn {}

    /** Too many failed sign-ins for this user name or from this address: not even checked. */
    record Throttled(Duration retryAfter) implements SignIn {}
  }

  /**
   * Signs in with a user name and password from a client address, bounded against guessing: each
   * user name and each address has {@code perAccount} and {@code perAddress} failed sign-ins per
   * window, counted in the database for every instance. Once either is used up, every sign-in for
   * that name or from that address is refused until the window ends, the right password included,
   * so guessing cannot go on faster whatever the caller knows. A check that is not a failure gives
   * its count back. An unknown user name costs a password hash as a wrong password does, so the
   * time taken does not tell which names exist.
   */
  public SignIn signIn(String username, String password, String address) {
    boolean plausible =
        username != null
            && password != null
            && !username.isBlank()
            && username.length() <= MAX_USERNAME;
    String account = plausible ? username.toLowerCase(Locale.ROOT) : null;
    Instant now = clock.instant();
    Lookup lookup = lookUp(account, address, now);
    if (lookup.throttled()) {
      return new SignIn.Throttled(RateLimits.left(now, window));
    }
    if (!plausible) {
      return new SignIn.Refused();
    }
    Optional<Object[]> row = lookup.account();
    String storedHash = row.map(r -> (String) r[4]).orElse(UNKNOWN_USER_HASH);
    String digest = digest(storedHash, password);
    Remembered remembered = row.isPresent() ? verified.get(account) : null;
    if (remembered != null
        && MessageDigest.isEqual(
            remembered.digest().getBytes(StandardCharsets.US_ASCII),
            digest.getBytes(StandardCharsets.US_ASCII))
        && now.isBefore(remembered.until())) {
      return new SignIn.SignedIn(toCaller(row.get()));
    }
    if (!PasswordHasher.verify(password, storedHash) || row.isEmpty()) {
      // Only failures count: a person or a script signing in many times at once is never
      // throttled by its own right password.
      Optional<Duration> wait = take(account, address, now);
      return wait.isPresent() ? new SignIn.Throttled(wait.get()) : new SignIn.Refused();
    }
    if (verified.size() >= MAX_REMEMBERED) {
      verified.clear();
    }
    verified.put(account, new Remembered(digest, now.plus(REMEMBERED_FOR)));
    return new SignIn.SignedIn(toCaller(row.get()));
  }

  /** Whether the throttle is shut, and the active account with its password hash, if any. */
  private record Lookup(boolean throttled, Optional<Object[]> account) {}

  /**
   * In one statement: whether the failed sign-ins of the user name or of the address have used up
   * the window of {@code now}, and the active person of that user name with their stored password
   * hash (none for a name that is not plausible, {@code null}). Plain JDBC on a pooled connection:
   * a read needs no persistence context, and outside a transaction none would be kept anyway.
   */
  private Lookup lookUp(String account, String address, Instant now) {
    RateLimits.Condition exhausted =
        limits.exhaustedCondition(
            List.of(
                new RateLimits.Count(PER_ACCOUNT, account, perAccount),
                new RateLimits.Count(PER_ADDRESS, address, perAddress)),
            window,
            now,
            1);
    String throttled =
        exhausted.never()
            ? "0"
            : "case when exists (select 1 from rate_window where "
                + exhausted.sql()
                + ") then 1 else 0 end";
    String sql =
        "select "
            + throttled
            + ", cast(p.id as varchar(36)), p.username, p.leader, p.hr, c.password_hash"
            + " from (select 1 as one) k"
            + " left join person p on p.username = ? and p.active = true"
            + " left join credential c on c.person_id = p.id";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(sql)) {
      exhausted.bind(query);
      query.setString(exhausted.next(), account == null ? "" : account);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        String id = row.getString(2);
        String hash = row.getString(6);
        Optional<Object[]> found =
            account == null || id == null || hash == null
                ? Optional.empty()
                : Optional.of(
                    new Object[] {
                      UUID.fromString(id),
                      row.getString(3),
                      row.getBoolean(4),
                      row.getBoolean(5),
                      hash
                    });
        return new Lookup(row.getInt(1) == 1, found);
      }
    } catch (SQLException failed) {
      throw new PersistenceException("The account could not be read", failed);
    }
  }

  /** Takes one attempt from both counts, or neither. */
  private Optional<Duration> take(String account, String address, Instant now) {
    Optional<Duration> wait = limits.attempt(PER_ACCOUNT, account, perAccount, window, now);
    if (wait.isPresent()) {
      return wait;
    }
    wait = limits.attempt(PER_ADDRESS, address, perAddress, window, now);
    if (wait.isPresent()) {
      limits.giveBack(PER_ACCOUNT, account, window, now);
    }
    return wait;
  }

  /**
   * The active person an identity provider's account is, as a caller with the roles its token
   * grants. A person is the account (the token's subject), never merely its user name, which the
   * provider may give to someone else later: the directory sync records each person's subject. Only
   * where nothing syncs the directory from the provider ({@code linkByUsername}) does a first
   * sign-in record it, for the active person with the token's user name who has none yet; from then
   * on that person is that account alone.
   *
   * <p>Asked on every call with an access token, so plain JDBC on a pooled connection, as the
   * password sign-in's lookup: one statement once the account is linked, and no transaction (a
   * first sign-in's link commits on its own, whoever calls).
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Optional<Caller> bySubject(
      String subject, String username, Set<Role> roles, boolean linkByUsername) {
    if (subject == null || subject.isBlank() || subject.length() > 255) {
      return Optional.empty();
    }
    try (Connection connection = dataSource.getConnection()) {
      Optional<Object[]> linked = linked(connection, subject);
      if (linked.isEmpty() && linkByUsername && username != null) {
        // Conditional, so two first sign-ins at once link one account at most (the subject is
        // unique); whichever linked it, the account is read again.
        try (PreparedStatement link =
            connection.prepareStatement(
                "update person set oidc_subject = ? where username = ? and active = true"
                    + " and oidc_subject is null")) {
          link.setString(1, subject);
          link.setString(2, username.toLowerCase(Locale.ROOT));
          link.executeUpdate();
          if (!connection.getAutoCommit()) {
            connection.commit();
          }
        } catch (SQLException taken) {
          if (!UNIQUE_VIOLATION.equals(taken.getSQLState())) {
            throw taken;
          }
          if (!connection.getAutoCommit()) {
            connection.rollback();
          }
        }
        linked = linked(connection, subject);
      }
      return linked
          .filter(row -> Boolean.TRUE.equals(row[2]))
          .map(row -> new Caller((UUID) row[0], (String) row[1], roles));
    } catch (SQLException failed) {
      throw new PersistenceException("The account could not be read", failed);
    }
  }

  /** SQLSTATE of a unique constraint violated, in PostgreSQL and H2 alike. */
  private static final String UNIQUE_VIOLATION = "23505";

  /** The person linked to the subject: id, user name, whether active. */
  private static Optional<Object[]> linked(Connection connection, String subject)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select cast(id as varchar(36)), username, active from person where oidc_subject = ?")) {
      query.setString(1, subject);
      try (ResultSet row = query.executeQuery()) {
        return row.next()
            ? Optional.of(
                new Object[] {
                  UUID.fromString(row.getString(1)), row.getString(2), row.getBoolean(3)
                })
            : Optional.empty();
      }
    }
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
