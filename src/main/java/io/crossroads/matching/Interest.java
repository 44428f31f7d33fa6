package io.crossroads.matching;

import io.crossroads.platform.problem.Refusal;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/** What an employee wants to learn about: divisions they look towards, topics, and goals. */
@Entity
@Table(name = "interest")
public class Interest {

  public static final int MAX_TOPICS = 20;
  public static final int MAX_TOPIC_LENGTH = 60;
  public static final int MAX_DIVISIONS = 10;
  public static final int MAX_GOALS = 2000;

  @Id private UUID personId;
  private String goals;
  private Instant updatedAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "interest_division", joinColumns = @JoinColumn(name = "person_id"))
  @Column(name = "division_id")
  private Set<UUID> targetDivisions = new TreeSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "interest_topic", joinColumns = @JoinColumn(name = "person_id"))
  @Column(name = "topic")
  private Set<String> topics = new TreeSet<>();

  @Version private long version;

  protected Interest() {}

  public Interest(UUID personId) {
    this.personId = Objects.requireNonNull(personId, "personId");
    this.goals = "";
  }

  /** Replaces everything; topics are kept in their compared form, blanks dropped. */
  public void change(
      Collection<UUID> targetDivisions, Collection<String> topics, String goals, Instant now) {
    if (targetDivisions.size() > MAX_DIVISIONS) {
      throw Refusal.invalid("targetDivisionIds", "at most " + MAX_DIVISIONS + " divisions");
    }
    SortedSet<String> clean = new TreeSet<>();
    for (String topic : topics) {
      if (topic != null && !topic.isBlank()) {
        String normal = Topics.normalise(topic);
        if (normal.length() > MAX_TOPIC_LENGTH) {
          throw Refusal.invalid(
              "topics", "a topic has at most " + MAX_TOPIC_LENGTH + " characters");
        }
        clean.add(normal);
      }
    }
    if (clean.size() > MAX_TOPICS) {
      throw Refusal.invalid("topics", "at most " + MAX_TOPICS + " topics");
    }
    String text = goals == null ? "" : goals.strip();
    if (text.length() > MAX_GOALS) {
      throw Refusal.invalid("goals", "at most " + MAX_GOALS + " characters");
    }
    this.targetDivisions.clear();
    this.targetDivisions.addAll(targetDivisions);
    this.topics.clear();
    this.topics.addAll(clean);
    this.goals = text;
    this.updatedAt = now;
  }

  public UUID personId() {
    return personId;
  }

  public SortedSet<UUID> targetDivisions() {
    return new TreeSet<>(targetDivisions);
  }

  public SortedSet<String> topics() {
    return new TreeSet<>(topics);
  }

  public String goals() {
    return goals;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
