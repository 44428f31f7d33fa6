package io.crossroads.reporting;

import io.crossroads.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Records every successful read of a report (docs/METRICS.md, "Audit"). Placeholder with the
 * audit's signature: it keeps nothing yet.
 */
@ApplicationScoped
public class ReportAudit {

  /** {@code caller} read {@code report} with {@code filters} (a query string) as {@code format}. */
  public void record(Caller caller, String report, String filters, String format) {
    // Kept nowhere yet.
  }
}
