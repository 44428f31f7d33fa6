package io.crossroads.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerTimingTest {

  @Test
  void aDurationIsWrittenInMillisecondsWithTwoDecimalsRoundedHalfUp() {
    assertThat(ServerTiming.millis(12_345_678)).isEqualTo("12.35");
    assertThat(ServerTiming.millis(12_344_999)).isEqualTo("12.34");
    assertThat(ServerTiming.millis(1_000_000_000)).isEqualTo("1000.00");
    assertThat(ServerTiming.millis(70_000)).isEqualTo("0.07");
    assertThat(ServerTiming.millis(5_000)).isEqualTo("0.01");
    assertThat(ServerTiming.millis(0)).isEqualTo("0.00");
  }
}
