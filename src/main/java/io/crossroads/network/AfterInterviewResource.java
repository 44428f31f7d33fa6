package io.crossroads.network;

import io.crossroads.network.NetworkViews.FeedbackBody;
import io.crossroads.network.NetworkViews.FeedbackView;
import io.crossroads.network.NetworkViews.MeetingView;
import io.crossroads.network.NetworkViews.Named;
import io.crossroads.network.NetworkViews.NotesBody;
import io.crossroads.network.NetworkViews.NotesView;
import io.crossroads.network.NetworkViews.ReferralView;
import io.crossroads.network.NetworkViews.ThankYouBody;
import io.crossroads.network.NetworkViews.ThankYouView;
import io.crossroads.platform.security.Caller;
import io.crossroads.platform.security.RateLimited;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** After the interview, over HTTP: thanks, names, feedback, notes and the meeting view. */
// Shares its path with the interviews resource: the runtime merges resources of one path.
@Path("interviews")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "After the interview")
public class AfterInterviewResource {

  @Inject Caller caller;
  @Inject AfterInterview service;

  @GET
  @Path("{id}/meeting")
  @Operation(summary = "The meeting view: why, who suggested, questions, planned end, own notes")
  public MeetingView meeting(@PathParam("id") UUID id) {
    return service.meeting(caller, id);
  }

  @POST
  @RateLimited
  @Path("{id}/thank-you")
  @Operation(summary = "The employee thanks the leader of a held interview, once")
  public ThankYouView thank(
      @PathParam("id") UUID id, @Valid @NotNull(message = "a body is required") ThankYouBody body) {
    return service.thank(caller, id, body.message());
  }

  @POST
  @RateLimited
  @Path("{id}/referrals")
  @Operation(summary = "The leader names 1 to 3 people the employee may ask next, once")
  public List<ReferralView> refer(
      @PathParam("id") UUID id,
      @Valid
          @NotNull(message = "name 1 to 3 people")
          @Size(min = 1, max = 3, message = "name 1 to 3 people")
          List<@Valid @NotNull(message = "a person") Named> referrals) {
    return service.refer(caller, id, referrals);
  }

  @POST
  @RateLimited
  @Path("{id}/feedback")
  @Operation(summary = "The leader's feedback, talent flag and mentoring offer, once")
  public FeedbackView feedback(
      @PathParam("id") UUID id, @Valid @NotNull(message = "a body is required") FeedbackBody body) {
    return service.feedback(caller, id, body);
  }

  @GET
  @Path("{id}/notes")
  @Operation(summary = "The employee's private notes on the interview")
  public NotesView notes(@PathParam("id") UUID id) {
    return service.readNotes(caller, id);
  }

  @PUT
  @Path("{id}/notes")
  @Operation(summary = "Replace the employee's private notes (encrypted; nobody else reads them)")
  public NotesView writeNotes(
      @PathParam("id") UUID id, @Valid @NotNull(message = "a body is required") NotesBody body) {
    return service.writeNotes(caller, id, body.text());
  }
}
