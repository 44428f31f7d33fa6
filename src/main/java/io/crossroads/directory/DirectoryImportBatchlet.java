package io.crossroads.directory;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;

/** The batch step of a directory import: hands the job to the {@link DirectoryImportRunner}. */
@Named("directoryImportBatchlet")
@Dependent
public class DirectoryImportBatchlet extends AbstractBatchlet {

  @Inject @BatchProperty String id;

  @Inject DirectoryImportRunner runner;

  @Override
  public String process() {
    return runner.run(UUID.fromString(id));
  }
}
