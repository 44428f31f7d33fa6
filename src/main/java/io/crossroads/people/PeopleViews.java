package io.crossroads.people;

import io.crossroads.platform.security.Role;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the people endpoints read and write. Entities never leave through the API. */
public final class PeopleViews {

  private PeopleViews() {}

  public record Me(
      UUID id,
      String username,
      String displayName,
      String email,
      UUID divisionId,
      String divisionName,
      String title,
      int level,
      String timeZone,
      List<Role> roles) {}

  public record DivisionView(UUID id, String name, long headcount) {}

  /** A person mentioned by another resource: enough to show and link them. */
  public record PersonRef(UUID id, String displayName, String title) {

    public static PersonRef of(Person person) {
      return new PersonRef(person.id(), person.displayName(), person.title());
    }
  }

  /** A directory entry: public fields only. {@code username} is shown in demo mode alone. */
  public record PersonSummary(
      UUID id,
      String username,
      String displayName,
      String title,
      int level,
      UUID divisionId,
      String divisionName,
      String timeZone,
      boolean leader) {}

  public record PersonView(
      UUID id,
      String username,
      String displayName,
      String email,
      String title,
      int level,
      UUID divisionId,
      String divisionName,
      UUID managerId,
      String timeZone,
      boolean leader,
      LeaderProfileView leaderProfile) {}

  /**
   * A person's own entry, as their export shows it: the public fields with the days they joined and
   * left, which nobody else reads here.
   */
  public record PersonalEntry(
      UUID id,
      String username,
      String displayName,
      String email,
      String title,
      int level,
      UUID divisionId,
      String divisionName,
      UUID managerId,
      String timeZone,
      boolean leader,
      boolean hr,
      boolean active,
      LocalDate hiredOn,
      LocalDate leftOn,
      LeaderProfileView leaderProfile) {}

  public record LeaderProfileView(
      UUID leaderId,
      boolean acceptingRequests,
      List<String> topics,
      String bio,
      int monthlyCap,
      List<Integer> lengths,
      List<MeetingFormat> formats) {

    static LeaderProfileView of(LeaderProfile profile) {
      return new LeaderProfileView(
          profile.personId(),
          profile.acceptingRequests(),
          List.copyOf(profile.topics()),
          profile.bio(),
          profile.monthlyCap(),
          List.copyOf(profile.lengths()),
          profile.formats().stream().sorted().toList());
    }
  }

  public record LeaderProfileUpdate(
      @NotNull(message = "say whether you accept requests") Boolean acceptingRequests,
      @NotNull @Size(max = LeaderProfile.MAX_TOPICS, message = "at most 20 topics")
          List<@NotNull String> topics,
      @Size(max = 2000, message = "at most 2000 characters") String bio,
      @NotNull
          @Min(value = 0, message = "must be 0 or more")
          @Max(value = LeaderProfile.MAX_MONTHLY_CAP, message = "at most 40 a month")
          Integer monthlyCap,
      @NotEmpty(message = "offer at least one length") List<@NotNull Integer> lengths,
      @NotEmpty(message = "offer at least one format") List<@NotNull MeetingFormat> formats) {}
}
