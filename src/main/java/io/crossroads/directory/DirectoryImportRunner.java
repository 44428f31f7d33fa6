package io.crossroads.directory;

import io.crossroads.directory.DirectoryCsv.Parsed;
import io.crossroads.directory.DirectoryImports.Applied;
import io.crossroads.directory.DirectoryImports.Upload;
import io.crossroads.platform.jobs.BatchJobs;
import io.crossroads.platform.jobs.JobRuns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a directory job: claim it, read the people (the uploaded CSV, checked line by line, or
 * Keycloak), then apply all or nothing.
 */
@ApplicationScoped
class DirectoryImportRunner {

  private static final Logger LOG = Logger.getLogger(DirectoryImportRunner.class.getName());

  @Inject DirectoryImports imports;
  @Inject JobRuns runs;
  @Inject BatchJobs jobs;
  @Inject KeycloakDirectory keycloak;

  /** How the run ended: DONE, REJECTED (errors in the file), SKIPPED, LOST or FAILED. */
  public String run(UUID id) {
    int attempt = runs.claim(DirectoryImports.JOBS, id, jobs.staleAfter());
    if (attempt == 0) {
      return "SKIPPED";
    }
    try {
      List<DirectoryCsv.Row> rows;
      Map<String, String> subjects = Map.of();
      boolean full;
      if (imports.kind(id).equals("SYNC")) {
        try {
          KeycloakDirectory.Users users = keycloak.people();
          rows = users.rows();
          subjects = users.subjects();
        } catch (KeycloakDirectory.Unreachable e) {
          LOG.log(Level.WARNING, "Directory sync " + id + ": " + e.getMessage(), e);
          imports.fail(id, attempt, e.getMessage() + "; tried 4 times. Nothing was changed.");
          return "FAILED";
        }
        full = true;
        imports.total(id, 2 * rows.size());
      } else {
        Upload upload = imports.upload(id);
        Parsed parsed = DirectoryCsv.parse(new StringReader(upload.csv()));
        if (!parsed.valid()) {
          imports.reject(id, attempt, parsed.errors());
          return "REJECTED";
        }
        rows = parsed.rows();
        full = upload.full();
      }
      if (!runs.progress(DirectoryImports.JOBS, id, attempt, rows.size())) {
        return "LOST";
      }
      Applied applied = imports.apply(id, attempt, rows, subjects, full);
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
      // What went wrong is for the log; the person who started the job reads an incident to quote.
      String incident = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "Directory import " + id + " failed, incident " + incident, e);
      imports.fail(
          id,
          attempt,
          "The import could not be applied because of a failure on our side (incident "
              + incident
              + "); nothing was changed.");
      return "FAILED";
    }
  }
}
