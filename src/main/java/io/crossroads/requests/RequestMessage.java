package io.crossroads.requests;

import io.crossroads.platform.problem.Refusal;

/**
 * What the employee writes: who they are, what they want to learn, why this leader. Each part is
 * required and kept short; the leader reads it in a minute.
 */
public record RequestMessage(String intro, String learn, String whyYou) {

  public static final int MAX_LENGTH = 2000;

  public RequestMessage {
    intro = require(intro, "intro");
    learn = require(learn, "learn");
    whyYou = require(whyYou, "whyYou");
  }

  private static String require(String text, String field) {
    if (text == null || text.isBlank()) {
      throw Refusal.invalid(field, "must not be blank");
    }
    if (text.length() > MAX_LENGTH) {
      throw Refusal.invalid(field, "at most " + MAX_LENGTH + " characters");
    }
    return text.strip();
  }
}
