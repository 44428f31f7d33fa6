package io.crossroads.reporting;

import io.crossroads.platform.api.Page;
import io.crossroads.platform.problem.Refusal;
import io.crossroads.platform.security.Caller;
import io.crossroads.reporting.ReportViews.AuditEntry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * HR's reports (docs/METRICS.md), as JSON or, for {@code Accept: text/csv}, as CSV; every read is
 * recorded in the audit.
 */
@Path("reports")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, ReportsResource.CSV})
@RolesAllowed("HR")
@Tag(name = "Reports")
public class ReportsResource {

  static final String CSV = "text/csv";
  private static final MediaType CSV_UTF8 = MediaType.valueOf("text/csv; charset=UTF-8");

  @Inject Caller caller;
  @Inject Reports reports;
  @Inject ReportAudit audit;
  @Inject Clock clock;
  @Context HttpHeaders headers;

  @GET
  @Path("pipeline")
  @Operation(summary = "The funnel from requests sent to referrals held, with its rates")
  public Response pipeline(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("divisionId") String divisionId) {
    ReportFilter filter = ReportFilter.of(from, to, divisionId, today());
    return answer("pipeline", filter.describe(), () -> reports.pipeline(filter), ReportCsv::of);
  }

  @GET
  @Path("flows")
  @Operation(summary = "Held interviews by the employee's and the leader's division at the time")
  public Response flows(@QueryParam("from") String from, @QueryParam("to") String to) {
    ReportFilter filter = ReportFilter.of(from, to, null, today());
    return answer("flows", filter.describe(), () -> reports.flows(filter), ReportCsv::of);
  }

  @GET
  @Path("leaders")
  @Operation(summary = "Leaders' participation, load distribution, Lorenz curve and Gini")
  public Response leaders(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("divisionId") String divisionId) {
    ReportFilter filter = ReportFilter.of(from, to, divisionId, today());
    return answer("leaders", filter.describe(), () -> reports.leaders(filter), ReportCsv::of);
  }

  @GET
  @Path("mobility")
  @Operation(summary = "Internal moves and retention, participants against non-participants")
  public Response mobility(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("months") String months) {
    ReportFilter filter =
        blank(from) && blank(to)
            ? ReportFilter.followable(today())
            : ReportFilter.of(from, to, null, today());
    int window = months(months);
    return answer(
        "mobility",
        filter.describe() + "&months=" + window,
        () -> reports.mobility(filter, window),
        ReportCsv::of);
  }

  @GET
  @Path("talent-pool")
  @Operation(
      summary =
          "Employees flagged by leaders who agreed to be visible to HR, but for the people the"
              + " reader manages, directly or not; a page of them by name, the CSV all of them")
  public Response talentPool(
      @QueryParam("topic") String topic,
      @QueryParam("divisionId") String divisionId,
      @QueryParam("limit") String limitText,
      @QueryParam("offset") String offsetText) {
    if (topic != null && topic.strip().length() > 60) {
      throw Refusal.invalid("topic", "at most 60 characters");
    }
    int limit = whole("limit", limitText, 100);
    int offset = whole("offset", offsetText, 0);
    Page.checkBounds(limit, offset);
    ReportFilter any = ReportFilter.of(null, null, divisionId, today());
    // The screen reads a page at a time; a download holds the whole pool.
    boolean whole = wantsCsv();
    String filters =
        Stream.of(
                // Encoded: a topic holding "&divisionId=…" must not read as another filter.
                topic == null || topic.isBlank()
                    ? null
                    : "topic=" + URLEncoder.encode(topic.strip(), StandardCharsets.UTF_8),
                any.divisionId() == null ? null : "divisionId=" + any.divisionId(),
                whole ? null : "limit=" + limit + "&offset=" + offset)
            .filter(Objects::nonNull)
            .collect(Collectors.joining("&"));
    return answer(
        ReportAudit.TALENT_POOL,
        filters,
        () ->
            reports.talentPool(
                caller.id(),
                topic,
                any.divisionId(),
                whole ? Integer.MAX_VALUE : limit,
                whole ? 0 : offset),
        ReportCsv::of);
  }

  @GET
  @Path("audit")
  @Operation(summary = "Who read which report with which filters, when; newest first")
  public Response audit(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") String limitText,
      @QueryParam("offset") String offsetText) {
    int limit = whole("limit", limitText, 100);
    int offset = whole("offset", offsetText, 0);
    Page.checkBounds(limit, offset);
    ReportFilter filter = ReportFilter.days(from, to, today());
    return answer(
        "audit",
        filter.describe() + "&limit=" + limit + "&offset=" + offset,
        () -> audit.list(filter, limit, offset),
        (Page<AuditEntry> page) -> ReportCsv.of(page.items()));
  }

  private <T> Response answer(
      String report, String filters, Supplier<T> compute, Function<T, String> csv) {
    boolean asCsv = wantsCsv();
    T result = compute.get();
    audit.record(caller, report, filters, asCsv ? "csv" : "json");
    if (!asCsv) {
      return Response.ok(result, MediaType.APPLICATION_JSON_TYPE).build();
    }
    return Response.ok(csv.apply(result), CSV_UTF8)
        .header(
            "Content-Disposition",
            "attachment; filename=\"crossroads-" + report + "-" + today() + ".csv\"")
        .build();
  }

  /** CSV when the caller prefers it to JSON. */
  private boolean wantsCsv() {
    for (MediaType type : headers.getAcceptableMediaTypes()) {
      if (type.isWildcardType()) {
        return false;
      }
      if ("text".equals(type.getType()) && "csv".equals(type.getSubtype())) {
        return true;
      }
      if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return false;
      }
    }
    return false;
  }

  private static int months(String value) {
    if (value == null || value.isBlank()) {
      return 6;
    }
    try {
      int months = Integer.parseInt(value.strip());
      if (months >= 1 && months <= 24) {
        return months;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw Refusal.invalid("months", "a whole number of months from 1 to 24");
  }

  private static int whole(String name, String value, int absent) {
    if (blank(value)) {
      return absent;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw Refusal.invalid(name, "a whole number");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }
}
