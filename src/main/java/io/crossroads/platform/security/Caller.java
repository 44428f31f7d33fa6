package io.crossroads.platform.security;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** The signed-in person behind the current request. */
public record Caller(UUID id, String username, Set<Role> roles) {

  /** The request attribute under which the authentication filter leaves the caller. */
  public static final String ATTRIBUTE = Caller.class.getName();

  public Caller {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(username, "username");
    roles = Set.copyOf(roles);
  }

  public static Caller of(UUID id, String username, boolean leader, boolean hr) {
    return new Caller(id, username, Set.copyOf(Role.of(leader, hr)));
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean is(UUID personId) {
    return id.equals(personId);
  }
}
