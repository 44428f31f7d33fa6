package io.crossroads.people;

import io.crossroads.people.DirectoryCsv.Parsed;
import io.crossroads.people.DirectoryImports.Applied;
import io.crossroads.people.DirectoryImports.Upload;
import io.crossroads.platform.jobs.BatchJobs;
import io.crossroads.platform.jobs.JobRuns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs a directory import: claim, read and check every line, then apply all or nothing. */
@ApplicationScoped
public class DirectoryImportRunner {

  private static final Logger LOG = Logger.getLogger(DirectoryImportRunner.class.getName());
  private static final JobRuns.Table JOBS = JobRuns.Table.DIRECTORY_JOB;

  @Inject DirectoryImports imports;
  @Inject JobRuns runs;
  @Inject BatchJobs jobs;

  /** How the run ended: DONE, REJECTED (errors in the file), SKIPPED, LOST or FAILED. */
  public String run(UUID id) {
    int attempt = runs.claim(JOBS, id, jobs.staleAfter());
    if (attempt == 0) {
      return "SKIPPED";
    }
    try {
      Upload upload = imports.upload(id);
      Parsed parsed = DirectoryCsv.parse(new StringReader(upload.csv()));
      if (!runs.progress(JOBS, id, attempt, parsed.lines() - 1)) {
        return "LOST";
      }
      if (!parsed.valid()) {
        imports.reject(id, attempt, parsed.errors());
        return "REJECTED";
      }
      Applied applied = imports.apply(id, attempt, parsed.rows(), upload.full());
      if (applied == null) {
        return "LOST";
      }
      if (!applied.errors().isEmpty()) {
        imports.reject(id, attempt, applied.errors());
        return "REJECTED";
      }
      imports.finish(id, attempt, applied.summary());
      LOG.info(() -> "Directory import " + id + ": " + applied.summary());
      return "DONE";
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Directory import " + id + " failed", e);
      runs.fail(JOBS, id, attempt, "The import could not be applied (" + e.getClass().getSimpleName()
          + "); nothing was changed.");
      return "FAILED";
    }
  }
}
