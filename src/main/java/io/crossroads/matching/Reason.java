package io.crossroads.matching;

/** One term of a match score, told as a reason the employee can read. */
public record Reason(String code, String text, int points) {}
