package io.crossroads.platform.jobs;

import java.util.regex.Pattern;

/**
 * A kind of long job: the table whose rows are its jobs (with the standard columns {@link JobRuns}
 * names) and the Jakarta Batch job (META-INF/batch-jobs) that works on a row. The feature that owns
 * the table declares its kind and produces it for CDI, so {@link BatchJobs} can find every kind's
 * abandoned jobs without knowing any feature's tables.
 */
public record JobKind(String table, String batchJob) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");

  public JobKind {
    // The table name is written into SQL: only plain names, never anything from input.
    if (!NAME.matcher(table).matches()
        || table.contains("-")
        || !NAME.matcher(batchJob).matches()) {
      throw new IllegalArgumentException("plain lower-case names only: " + table + ", " + batchJob);
    }
  }
}
