package io.crossroads.requests;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Advice on a request before a leader reads it. It warns and never blocks: an informational
 * interview asks for insight, not for a job, and says briefly who, what and why.
 */
public final class Coaching {

  /** One piece of advice; {@code level} is {@code warning} or {@code tip}. */
  public record Note(String code, String level, String message) {}

  /**
   * Every phrase starts at a word boundary, checked once per position for all of them (a boundary
   * check per phrase and position cost more than the rest of the matching).
   */
  private static final Pattern JOB_ASKING =
      Pattern.compile(
          "\\b(?:(any|open|current)\\s+(openings?|positions?|roles?|vacanc(y|ies))\\b"
              + "|hire\\s+me\\b|apply\\s+(for|to)\\b|job\\s+(opening|offer|on your team)\\b"
              + "|are you hiring\\b|get a job\\b|refer me for\\b|my (cv|resume|résumé)\\b)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  static final int SPECIFIC_LEARN = 40;
  static final int SPECIFIC_WHY = 30;
  static final int BRIEF_INTRO = 600;

  private Coaching() {}

  /** The advice on a request as sent. */
  public static List<Note> review(RequestMessage message, boolean referred) {
    return review(message.intro(), message.learn(), message.whyYou(), referred);
  }

  /**
   * The advice on a message as far as it is written: a part not written yet reads as empty. Sending
   * and the composer's coaching while the employee types both ask here.
   */
  public static List<Note> review(String intro, String learn, String whyYou, boolean referred) {
    intro = written(intro);
    learn = written(learn);
    whyYou = written(whyYou);
    List<Note> notes = new ArrayList<>();
    String all = intro + "\n" + learn + "\n" + whyYou;
    if (JOB_ASKING.matcher(all).find()) {
      notes.add(
          new Note(
              "job-asking",
              "warning",
              "This reads like asking for a job. Ask for advice and insight instead; openings come up"
                  + " by themselves when the conversation goes well."));
    }
    if (learn.length() < SPECIFIC_LEARN) {
      notes.add(
          new Note(
              "learn-vague",
              "tip",
              "Say what you want to learn: two or three specific questions help the leader prepare."));
    }
    if (whyYou.length() < SPECIFIC_WHY) {
      notes.add(
          new Note(
              "why-you-brief",
              "tip",
              "Say why this leader: their work, a talk, a project you admire."));
    }
    if (intro.length() > BRIEF_INTRO) {
      notes.add(
          new Note(
              "intro-long",
              "tip",
              "Keep the introduction to a few sentences; the leader reads it in a minute."));
    }
    if (!referred) {
      notes.add(
          new Note(
              "no-referral",
              "tip",
              "If someone suggested this leader, cite their referral: referred requests are accepted"
                  + " more often."));
    }
    return List.copyOf(notes);
  }

  private static String written(String part) {
    return part == null ? "" : part.strip();
  }
}
