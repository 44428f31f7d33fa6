package io.crossroads.matching;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A topic of the shared vocabulary people choose from when they describe themselves. */
@Entity
@Table(name = "topic")
public class Topic {

  @Id private String name;

  protected Topic() {}

  public Topic(String name) {
    this.name = Topics.normalise(name);
  }

  public String name() {
    return name;
  }
}
