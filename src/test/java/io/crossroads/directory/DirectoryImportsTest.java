package io.crossroads.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.crossroads.directory.DirectoryImports.Summary;
import org.junit.jupiter.api.Test;

class DirectoryImportsTest {

  @Test
  void aJobsCountsReadBackFromTheSentenceTheyAreKeptAs() {
    Summary summary = new Summary(3, 120, 7, 1, 98_765);
    assertThat(summary.toString())
        .isEqualTo("3 created, 120 updated, 7 moved division, 1 deactivated, 98765 unchanged");
    assertThat(Summary.parse(summary.toString())).isEqualTo(summary);
  }

  @Test
  void anyOtherTextHasNoCounts() {
    assertThat(Summary.parse(null)).isNull();
    assertThat(Summary.parse("")).isNull();
    assertThat(Summary.parse("3 created, 1 updated")).isNull();
    assertThat(Summary.parse("3 created, 0 updated, 0 moved division, 0 deactivated, x unchanged"))
        .isNull();
    assertThat(
            Summary.parse(
                "99999999999 created, 0 updated, 0 moved division, 0 deactivated, 0 unchanged"))
        .isNull();
  }
}
