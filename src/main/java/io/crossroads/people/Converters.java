package io.crossroads.people;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Small value sets stored as comma-separated text in one column. */
final class Converters {

  private Converters() {}

  @Converter
  static class Lengths implements AttributeConverter<SortedSet<Integer>, String> {
    @Override
    public String convertToDatabaseColumn(SortedSet<Integer> lengths) {
      return lengths.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    @Override
    public SortedSet<Integer> convertToEntityAttribute(String column) {
      SortedSet<Integer> lengths = new TreeSet<>();
      if (column != null && !column.isBlank()) {
        Arrays.stream(column.split(","))
            .map(String::strip)
            .map(Integer::valueOf)
            .forEach(lengths::add);
      }
      return lengths;
    }
  }

  @Converter
  static class Formats implements AttributeConverter<Set<MeetingFormat>, String> {
    @Override
    public String convertToDatabaseColumn(Set<MeetingFormat> formats) {
      return formats.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<MeetingFormat> convertToEntityAttribute(String column) {
      Set<MeetingFormat> formats = EnumSet.noneOf(MeetingFormat.class);
      if (column != null && !column.isBlank()) {
        Arrays.stream(column.split(","))
            .map(String::strip)
            .map(MeetingFormat::valueOf)
            .forEach(formats::add);
      }
      return formats;
    }
  }
}
