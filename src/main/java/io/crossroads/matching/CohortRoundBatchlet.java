package io.crossroads.matching;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;

/** The batch step of a cohort round: hands the round to the {@link CohortRunner}. */
@Named("cohortRoundBatchlet")
@Dependent
public class CohortRoundBatchlet extends AbstractBatchlet {

  @Inject @BatchProperty String id;

  @Inject CohortRunner runner;

  private volatile boolean stopped;

  @Override
  public String process() {
    return runner.run(UUID.fromString(id), () -> stopped).name();
  }

  @Override
  public void stop() {
    stopped = true;
  }
}
