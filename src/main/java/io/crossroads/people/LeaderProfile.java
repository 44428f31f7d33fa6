package io.crossroads.people;

import io.crossroads.platform.problem.Refusal;
import io.crossroads.program.ProgramRules;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/** What a leader offers the program: whether they take requests, on what, how often, how long. */
@Entity
@Table(name = "leader_profile")
public class LeaderProfile {

  public static final int MAX_MONTHLY_CAP = ProgramRules.MAX_MONTHLY_CAP;
  public static final int MAX_TOPICS = 20;
  public static final int MAX_TOPIC_LENGTH = 60;

  @Id private UUID personId;
  private boolean acceptingRequests;
  private String bio;
  private int monthlyCap;

  @Convert(converter = Converters.Lengths.class)
  private SortedSet<Integer> lengths;

  @Convert(converter = Converters.Formats.class)
  private Set<MeetingFormat> formats;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "leader_topic", joinColumns = @JoinColumn(name = "person_id"))
  @Column(name = "topic")
  private Set<String> topics = new TreeSet<>();

  @Version private long version;

  protected LeaderProfile() {}

  /** A new leader's offer: accepting requests, the program's default cap, every allowed length. */
  public LeaderProfile(UUID personId, ProgramRules rules) {
    this.personId = Objects.requireNonNull(personId, "personId");
    this.acceptingRequests = true;
    this.bio = "";
    this.monthlyCap = rules.defaultMonthlyCap();
    this.lengths = new TreeSet<>(rules.lengths());
    this.formats = EnumSet.allOf(MeetingFormat.class);
  }

  /**
   * Replaces what the leader offers; every argument is checked before anything changes, and an
   * invalid one is refused naming its field.
   */
  public void offer(
      boolean acceptingRequests,
      Collection<String> topics,
      String bio,
      int monthlyCap,
      Collection<Integer> lengths,
      Collection<MeetingFormat> formats,
      ProgramRules rules) {
    if (monthlyCap < 0 || monthlyCap > MAX_MONTHLY_CAP) {
      throw Refusal.invalid("monthlyCap", "must be 0 to " + MAX_MONTHLY_CAP);
    }
    if (lengths.isEmpty() || !rules.lengthSet().containsAll(lengths)) {
      throw Refusal.invalid("lengths", "must be among " + rules.lengths() + " minutes");
    }
    if (formats.isEmpty()) {
      throw Refusal.invalid("formats", "offer at least one format");
    }
    SortedSet<String> cleanTopics = new TreeSet<>();
    for (String topic : topics) {
      if (topic != null && !topic.isBlank()) {
        String clean = topic.strip().toLowerCase();
        if (clean.length() > MAX_TOPIC_LENGTH) {
          throw Refusal.invalid(
              "topics", "a topic has at most " + MAX_TOPIC_LENGTH + " characters");
        }
        cleanTopics.add(clean);
      }
    }
    if (cleanTopics.size() > MAX_TOPICS) {
      throw Refusal.invalid("topics", "at most " + MAX_TOPICS + " topics");
    }
    this.acceptingRequests = acceptingRequests;
    this.topics.clear();
    this.topics.addAll(cleanTopics);
    this.bio = bio == null ? "" : bio.strip();
    this.monthlyCap = monthlyCap;
    this.lengths = new TreeSet<>(lengths);
    this.formats = EnumSet.copyOf(formats);
  }

  public UUID personId() {
    return personId;
  }

  public boolean acceptingRequests() {
    return acceptingRequests;
  }

  public String bio() {
    return bio;
  }

  public int monthlyCap() {
    return monthlyCap;
  }

  public SortedSet<Integer> lengths() {
    return new TreeSet<>(lengths);
  }

  public Set<MeetingFormat> formats() {
    return formats.isEmpty() ? EnumSet.noneOf(MeetingFormat.class) : EnumSet.copyOf(formats);
  }

  public SortedSet<String> topics() {
    return new TreeSet<>(topics);
  }

  public boolean offers(int lengthMinutes) {
    return lengths.contains(lengthMinutes);
  }

  public boolean offers(MeetingFormat format) {
    return formats.contains(format);
  }
}
