package io.crossroads.reporting;

import io.crossroads.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The monthly report as a PDF, for HR (docs/METRICS.md, "Monthly report"). */
@Path("reports/monthly")
@RequestScoped
@RolesAllowed("HR")
@Tag(name = "Reports")
public class MonthlyReportResource {

  static final String PDF = "application/pdf";

  @Inject Caller caller;
  @Inject MonthlyReport report;
  @Inject ReportAudit audit;

  @GET
  @Produces(PDF)
  @Operation(
      summary =
          "An ended month's pipeline, flows, leaders and mobility as a PDF with charts;"
              + " 409 month-not-over for the current or a later month")
  public Response get(@QueryParam("month") String month) {
    YearMonth asked = ReportMonth.parse(month);
    byte[] pdf = report.pdf(asked);
    audit.record(caller, "monthly", "month=" + asked, "pdf");
    return Response.ok(pdf, PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + MonthlyPdf.fileName(asked) + "\"")
        .build();
  }
}
