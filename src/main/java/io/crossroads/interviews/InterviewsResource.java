package io.crossroads.interviews;

import io.crossroads.people.Directory;
import io.crossroads.people.MeetingFormat;
import io.crossroads.people.PeopleViews.PersonRef;
import io.crossroads.people.Person;
import io.crossroads.platform.api.Page;
import io.crossroads.platform.api.QueryParams;
import io.crossroads.platform.problem.Refusal;
import io.crossroads.platform.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Scheduled interviews over HTTP: each party sees their own. */
@Path("interviews")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Interviews")
public class InterviewsResource {

  /** An interview as its parties see it. */
  public record InterviewView(
      UUID id,
      UUID requestId,
      PersonRef employee,
      PersonRef leader,
      Instant start,
      Instant end,
      int length,
      MeetingFormat format,
      InterviewStatus status,
      int sequence,
      String cancelReason) {}

  /** A move to another time. */
  public record Reschedule(
      @NotNull(message = "the new start, one of the leader's open slots") Instant start,
      @Size(max = 2000, message = "at most 2000 characters") String reason) {}

  /** Calling an interview off. */
  public record Cancel(@Size(max = 2000, message = "at most 2000 characters") String reason) {}

  /** Whether the interview took place. */
  public record Outcome(
      @NotNull(message = "true if it took place, false for a no-show") Boolean held) {}

  @Inject Caller caller;
  @Inject Interviews interviews;
  @Inject InterviewService service;
  @Inject Directory directory;

  @GET
  @Transactional
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
    Page<Interview> page =
        interviews.of(
            caller.id(),
            side,
            QueryParams.instant("from", from).orElse(null),
            QueryParams.instant("to", to).orElse(null),
            limit,
            offset);
    Map<UUID, Person> people =
        directory.people(
            page.items().stream().flatMap(i -> Stream.of(i.employeeId(), i.leaderId())).toList());
    return new Page<>(page.items().stream().map(i -> view(i, people)).toList(), page.total());
  }

  @GET
  @Path("{id}")
  @Transactional
  @Operation(summary = "One interview (the two parties only)")
  public InterviewView get(@PathParam("id") UUID id) {
    return view(service.visible(caller, id));
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
  @Path("{id}/reschedule")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Move to another open slot of the leader (either party)")
  public InterviewView reschedule(
      @PathParam("id") UUID id, @Valid @NotNull(message = "a body is required") Reschedule body) {
    return view(service.reschedule(caller, id, body.start()));
  }

  @POST
  @Path("{id}/cancel")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Call the interview off (either party); calendars get METHOD:CANCEL")
  public InterviewView cancel(@PathParam("id") UUID id, @Valid Cancel body) {
    return view(service.cancel(caller, id, body == null ? null : body.reason()));
  }

  @POST
  @Path("{id}/outcome")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Held, or a no-show, once the start has passed (either party)")
  public InterviewView outcome(
      @PathParam("id") UUID id, @Valid @NotNull(message = "a body is required") Outcome body) {
    return view(service.recordOutcome(caller, id, body.held()));
  }

  private InterviewView view(Interview interview) {
    return view(interview, directory.people(List.of(interview.employeeId(), interview.leaderId())));
  }

  private static InterviewView view(Interview i, Map<UUID, Person> people) {
    return new InterviewView(
        i.id(),
        i.requestId(),
        PersonRef.of(people.get(i.employeeId())),
        PersonRef.of(people.get(i.leaderId())),
        i.start(),
        i.end(),
        i.lengthMinutes(),
        i.format(),
        i.status(),
        i.sequence(),
        i.cancelReason());
  }
}
