package io.crossroads.people;

import io.crossroads.people.PeopleViews.DivisionView;
import io.crossroads.people.PeopleViews.LeaderProfileUpdate;
import io.crossroads.people.PeopleViews.LeaderProfileView;
import io.crossroads.people.PeopleViews.Me;
import io.crossroads.people.PeopleViews.PersonSummary;
import io.crossroads.people.PeopleViews.PersonView;
import io.crossroads.people.PeopleViews.PersonalEntry;
import io.crossroads.platform.api.Page;
import io.crossroads.platform.problem.Refusal;
import io.crossroads.platform.security.Caller;
import io.crossroads.platform.security.Role;
import io.crossroads.program.Program;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads the directory for callers and lets leaders change what they offer. */
@ApplicationScoped
class PeopleService {

  @Inject Directory directory;

  @Inject DemoMode demoMode;
  @Inject Program program;
  @Inject Event<LeaderProfileChanged> profileChanged;

  public Me me(Caller caller) {
    Person me = directory.person(caller.id()).orElseThrow(() -> Refusal.notFound("You"));
    String division = directory.divisions().get(me.divisionId()).name();
    return new Me(
        me.id(),
        me.username(),
        me.displayName(),
        me.email(),
        me.divisionId(),
        division,
        me.title(),
        me.level(),
        me.timeZone().getId(),
        // What the caller may do now: in OIDC mode the identity provider's roles, which can
        // change before the directory hears of it.
        Role.of(caller.has(Role.LEADER), caller.has(Role.HR)));
  }

  public List<DivisionView> divisions() {
    Map<UUID, Long> headcounts = directory.headcounts();
    return directory.divisions().values().stream()
        .map(d -> new DivisionView(d.id(), d.name(), headcounts.getOrDefault(d.id(), 0L)))
        .toList();
  }

  /**
   * People still with the company, by name or title; by user name only where user names are shown,
   * so that a search cannot confirm one that is hidden.
   */
  public Page<PersonSummary> search(
      String q, UUID divisionId, boolean leadersOnly, int limit, int offset) {
    Map<UUID, Division> divisions = directory.divisions();
    Page<Person> found =
        directory.search(q, usernamesShown(), divisionId, leadersOnly, limit, offset);
    return new Page<>(
        found.items().stream().map(p -> summary(p, divisions)).toList(), found.total());
  }

  public PersonView person(Caller caller, UUID id) {
    return view(visible(caller, id));
  }

  /**
   * A person as the caller may look them up: people who left the company are HR's to see; to anyone
   * else they do not exist.
   */
  private Person visible(Caller caller, UUID id) {
    return directory
        .person(id)
        .filter(p -> p.isActive() || caller.has(Role.HR))
        .orElseThrow(() -> Refusal.notFound("The person"));
  }

  private PersonView view(Person person) {
    UUID id = person.id();
    Division division = directory.divisions().get(person.divisionId());
    LeaderProfileView profile =
        person.isLeader()
            ? directory.leaderProfile(id).map(LeaderProfileView::of).orElse(null)
            : null;
    return new PersonView(
        person.id(),
        usernameShown(person),
        person.displayName(),
        person.email(),
        person.title(),
        person.level(),
        person.divisionId(),
        division.name(),
        person.managerId(),
        person.timeZone().getId(),
        person.isLeader(),
        profile);
  }

  /** Everything the directory holds about the person, for their own export. */
  public PersonalEntry personalEntry(UUID id) {
    Person person = directory.person(id).orElseThrow(() -> Refusal.notFound("The person"));
    PersonView view = view(person);
    return new PersonalEntry(
        person.id(),
        person.username(),
        person.displayName(),
        person.email(),
        person.title(),
        person.level(),
        person.divisionId(),
        view.divisionName(),
        person.managerId(),
        person.timeZone().getId(),
        person.isLeader(),
        person.isHr(),
        person.isActive(),
        person.hiredOn().orElse(null),
        person.leftOn().orElse(null),
        view.leaderProfile());
  }

  public LeaderProfileView profile(Caller caller, UUID leaderId) {
    return LeaderProfileView.of(leaderProfile(caller, leaderId));
  }

  @Transactional
  public LeaderProfileView updateProfile(Caller caller, UUID leaderId, LeaderProfileUpdate update) {
    LeaderProfile profile = leaderProfile(caller, leaderId);
    if (!caller.is(leaderId) && !caller.has(Role.HR)) {
      throw Refusal.forbidden("Only the leader or HR can change a leader profile.");
    }
    profile.offer(
        update.acceptingRequests(),
        update.topics(),
        update.bio(),
        update.monthlyCap(),
        update.lengths(),
        update.formats(),
        program.rules());
    profileChanged.fire(new LeaderProfileChanged(leaderId));
    return LeaderProfileView.of(profile);
  }

  private LeaderProfile leaderProfile(Caller caller, UUID leaderId) {
    return directory
        .person(leaderId)
        .filter(p -> p.isActive() || caller.has(Role.HR))
        .filter(Person::isLeader)
        .flatMap(p -> directory.leaderProfile(leaderId))
        .orElseThrow(() -> Refusal.notFound("The leader"));
  }

  PersonSummary summary(Person p, Map<UUID, Division> divisions) {
    return new PersonSummary(
        p.id(),
        usernameShown(p),
        p.displayName(),
        p.title(),
        p.level(),
        p.divisionId(),
        divisions.get(p.divisionId()).name(),
        p.timeZone().getId(),
        p.isLeader());
  }

  private String usernameShown(Person person) {
    return usernamesShown() ? person.username() : null;
  }

  /**
   * Demo mode shows user names so people can try signing in as anyone; otherwise nobody sees them.
   */
  private boolean usernamesShown() {
    return demoMode.active();
  }
}
