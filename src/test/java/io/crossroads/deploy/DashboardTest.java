package io.crossroads.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crossroads.platform.metrics.BusinessMetric;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard in deploy/ asks only for metrics the application registers, and shows each.
 */
class DashboardTest {

  static final Path DASHBOARD = Path.of("deploy", "grafana", "crossroads-dashboard.json");

  static List<String> queries() throws IOException {
    JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    List<String> queries = new ArrayList<>();
    dashboard
        .path("panels")
        .forEach(panel -> panel.path("targets").forEach(t -> queries.add(t.path("expr").asText())));
    return queries;
  }

  static Set<String> seriesAskedFor() throws IOException {
    Set<String> series = new TreeSet<>();
    Matcher name =
        Pattern.compile("\\bcrossroads_[a-z0-9_]+").matcher(String.join("\n", queries()));
    while (name.find()) {
      series.add(name.group());
    }
    return series;
  }

  /** Every series name the application's business metrics appear under on {@code /metrics}. */
  static Set<String> registeredSeries() {
    return Stream.of(BusinessMetric.values())
        .flatMap(metric -> metric.series().stream())
        .collect(Collectors.toSet());
  }

  @Test
  void everySeriesTheDashboardAsksForIsOneTheApplicationRegisters() throws IOException {
    Set<String> registered = registeredSeries();
    assertThat(queries())
        .isNotEmpty()
        .allSatisfy(query -> assertThat(query).contains("crossroads_"));
    assertThat(registered).containsAll(seriesAskedFor());
  }

  @Test
  void everyBusinessMetricIsShown() throws IOException {
    Set<String> asked = seriesAskedFor();
    for (BusinessMetric metric : BusinessMetric.values()) {
      assertThat(metric.series()).as(metric.metricName()).anyMatch(asked::contains);
    }
  }

  @Test
  void theTagsTheDashboardGroupsByAreTheOnesTheMetricsCarry() throws IOException {
    Matcher by = Pattern.compile("by \\(([a-z_]+)\\)").matcher(String.join("\n", queries()));
    Set<String> tags = new TreeSet<>();
    while (by.find()) {
      tags.add(by.group(1));
    }
    assertThat(Set.of(BusinessMetric.ANSWER, BusinessMetric.JOB, BusinessMetric.TYPE))
        .containsAll(tags);
  }
}
