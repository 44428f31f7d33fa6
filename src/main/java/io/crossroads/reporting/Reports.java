package io.crossroads.reporting;

import io.crossroads.reporting.ReportViews.FlowsReport;
import io.crossroads.reporting.ReportViews.LeadersReport;
import io.crossroads.reporting.ReportViews.MobilityReport;
import io.crossroads.reporting.ReportViews.PipelineReport;
import io.crossroads.reporting.ReportViews.TalentPoolReport;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** HR's reports, aggregated in the database (docs/METRICS.md). */
@ApplicationScoped
public class Reports {

  public PipelineReport pipeline(ReportFilter filter) {
    throw new UnsupportedOperationException();
  }

  public FlowsReport flows(ReportFilter filter) {
    throw new UnsupportedOperationException();
  }

  public LeadersReport leaders(ReportFilter filter) {
    throw new UnsupportedOperationException();
  }

  public MobilityReport mobility(ReportFilter filter, int months) {
    throw new UnsupportedOperationException();
  }

  public TalentPoolReport talentPool(String topic, UUID divisionId) {
    throw new UnsupportedOperationException();
  }
}
