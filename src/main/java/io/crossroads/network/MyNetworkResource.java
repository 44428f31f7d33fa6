package io.crossroads.network;

import io.crossroads.network.NetworkViews.ConsentBody;
import io.crossroads.network.NetworkViews.ConsentView;
import io.crossroads.network.NetworkViews.ContactChange;
import io.crossroads.network.NetworkViews.ContactView;
import io.crossroads.network.NetworkViews.DigestBody;
import io.crossroads.network.NetworkViews.DigestView;
import io.crossroads.network.NetworkViews.MentoringAnswer;
import io.crossroads.network.NetworkViews.MentoringView;
import io.crossroads.network.NetworkViews.ReferralView;
import io.crossroads.network.NetworkViews.TalentView;
import io.crossroads.network.NetworkViews.TouchBody;
import io.crossroads.platform.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own network over HTTP. */
// Shares the root path with the other resources of "me": the runtime merges them.
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "My network")
public class MyNetworkResource {

  @Inject Caller caller;
  @Inject MyNetwork network;

  @GET
  @Path("me/referrals")
  @Operation(summary = "People leaders suggested to the caller, with what became of each")
  public List<ReferralView> referrals() {
    return network.referrals(caller.id());
  }

  @GET
  @Path("me/contacts")
  @Operation(summary = "People the caller met and keeps in touch with, the next due first")
  public List<ContactView> contacts() {
    return network.contacts(caller.id());
  }

  @POST
  @Path("me/contacts/{personId}/touches")
  @Operation(summary = "The caller was in touch with a contact")
  public Response touch(@PathParam("personId") UUID personId, @Valid TouchBody body) {
    return Response.status(Response.Status.CREATED)
        .entity(network.touch(caller.id(), personId, body == null ? null : body.note()))
        .build();
  }

  @PUT
  @Path("me/contacts/{personId}")
  @Operation(summary = "Change a contact's cadence, snooze it until a day, or stop")
  public ContactView change(
      @PathParam("personId") UUID personId,
      @Valid @NotNull(message = "a body is required") ContactChange body) {
    return network.change(caller.id(), personId, body);
  }

  @GET
  @Path("me/contacts/digest")
  @Operation(summary = "Whether the caller gets the weekly mail of contacts due")
  public DigestView digest() {
    return network.digest(caller.id());
  }

  @PUT
  @Path("me/contacts/digest")
  @Operation(summary = "Subscribe to or unsubscribe from the weekly mail of contacts due")
  public DigestView digest(@Valid @NotNull(message = "a body is required") DigestBody body) {
    return network.digest(caller.id(), body.weekly());
  }

  @GET
  @Path("me/talent")
  @Operation(summary = "What leaders said about the caller, mentoring offers, and consent")
  public TalentView talent() {
    return network.talent(caller.id());
  }

  @PUT
  @Path("me/talent-pool-consent")
  @Operation(summary = "Whether HR may see the caller's talent flags; effective at once")
  public ConsentView consent(@Valid @NotNull(message = "a body is required") ConsentBody body) {
    return network.consent(caller.id(), body.visibleToHr());
  }

  @PUT
  @Path("me/mentoring-offers/{interviewId}")
  @Operation(summary = "Accept or decline a leader's offer of mentoring")
  public MentoringView answer(
      @PathParam("interviewId") UUID interviewId,
      @Valid @NotNull(message = "a body is required") MentoringAnswer body) {
    return network.answerMentoring(caller.id(), interviewId, body.accepted());
  }
}
