package io.crossroads.interviews;

import io.crossroads.interviews.InterviewViews.Cancel;
import io.crossroads.interviews.InterviewViews.InterviewView;
import io.crossroads.interviews.InterviewViews.Outcome;
import io.crossroads.interviews.InterviewViews.Reschedule;
import io.crossroads.platform.api.Page;
import io.crossroads.platform.api.QueryParams;
import io.crossroads.platform.problem.Refusal;
import io.crossroads.platform.security.Caller;
import io.crossroads.platform.security.RateLimited;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Scheduled interviews over HTTP: each party sees their own. */
@Path("interviews")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Interviews")
public class InterviewsResource {

  @Inject Caller caller;
  @Inject InterviewService service;

  @GET
  @Operation(summary = "Own interviews, as employee, as leader, or both; from/to filter the start")
  public Page<InterviewView> list(
      @QueryParam("as") String as,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("limit") @DefaultValue("50") int limit,
      @QueryParam("offset") @DefaultValue("0") int offset) {
    Interviews.Side side =
        switch (as == null ? "" : as.toLowerCase(Locale.ROOT)) {
          case "" -> Interviews.Side.BOTH;
          case "employee", "requester" -> Interviews.Side.EMPLOYEE;
          case "leader" -> Interviews.Side.LEADER;
          default -> throw Refusal.invalid("as", "employee or leader");
        };
    Page.checkBounds(limit, offset);
    return service.list(
        caller,
        side,
        QueryParams.instant("from", from).orElse(null),
        QueryParams.instant("to", to).orElse(null),
        limit,
        offset);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One interview with its history (the two parties only)")
  public InterviewView get(@PathParam("id") UUID id) {
    return service.get(caller, id);
  }

  @GET
  @Path("{id}/calendar.ics")
  @Produces("text/calendar")
  @Operation(summary = "The interview as iCalendar: stable UID, SEQUENCE rising with each change")
  public Response calendar(@PathParam("id") UUID id) {
    return Response.ok(service.calendar(caller, id), "text/calendar; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"interview.ics\"")
        .build();
  }

  @POST
  @RateLimited(RateLimited.Kind.RESCHEDULE)
  @Path("{id}/reschedule")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Move to another open slot of the leader (either party)")
  public InterviewView reschedule(
      @PathParam("id") UUID id, @Valid @NotNull(message = "a body is required") Reschedule body) {
    return service.reschedule(caller, id, body.start(), body.reason());
  }

  @POST
  @RateLimited
  @Path("{id}/cancel")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Call the interview off (either party); calendars get METHOD:CANCEL")
  public InterviewView cancel(@PathParam("id") UUID id, @Valid Cancel body) {
    return service.cancel(caller, id, body == null ? null : body.reason());
  }

  @POST
  @Path("{id}/outcome")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Held, or a no-show, once the start has passed (either party)")
  public InterviewView outcome(
      @PathParam("id") UUID id, @Valid @NotNull(message = "a body is required") Outcome body) {
    return service.recordOutcome(caller, id, body.held());
  }
}
