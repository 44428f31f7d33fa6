package io.crossroads.requests;

import io.crossroads.platform.api.Idempotency;
import io.crossroads.platform.api.Page;
import io.crossroads.platform.problem.Refusal;
import io.crossroads.platform.security.Caller;
import io.crossroads.platform.security.RateLimited;
import io.crossroads.requests.RequestViews.Accept;
import io.crossroads.requests.RequestViews.CoachingView;
import io.crossroads.requests.RequestViews.Colleague;
import io.crossroads.requests.RequestViews.Counter;
import io.crossroads.requests.RequestViews.Draft;
import io.crossroads.requests.RequestViews.FollowUp;
import io.crossroads.requests.RequestViews.NewRequest;
import io.crossroads.requests.RequestViews.Reason;
import io.crossroads.requests.RequestViews.Redirect;
import io.crossroads.requests.RequestViews.RequestView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Interview requests over HTTP. */
@Path("requests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Requests")
public class RequestsResource {

  /** The most colleagues one search offers. */
  static final int MAX_COLLEAGUES = 20;

  @Inject Caller caller;
  @Inject RequestService service;
  @Inject Idempotency idempotency;
  @Context UriInfo uri;

  @POST
  @RateLimited(RateLimited.Kind.REQUESTS)
  @Operation(summary = "Ask a leader of another division for an informational interview")
  @APIResponse(responseCode = "201", description = "PENDING, with coaching on the message")
  public Response send(
      @HeaderParam(Idempotency.HEADER) String idempotencyKey,
      @Valid @NotNull(message = "a body is required") NewRequest body) {
    return idempotency.create(
        caller.id(),
        idempotencyKey,
        body,
        () -> {
          RequestView created = service.send(caller, body);
          return new Idempotency.Created(
              uri.getAbsolutePathBuilder().path(created.id().toString()).build(), created);
        });
  }

  @POST
  @Path("coaching")
  @Operation(
      summary = "Coaching on a draft request, while it is written",
      description =
          "The advice sending this draft would get (job-asking language, a vague learning goal,"
              + " no reason given, a long introduction, no referral cited): advice, never a block."
              + " Nothing is required; the leader and a cited referral are checked as when"
              + " sending. Nothing is sent or stored.")
  @APIResponse(responseCode = "200", description = "The advice, possibly none")
  public CoachingView coaching(@Valid @NotNull(message = "a body is required") Draft body) {
    return new CoachingView(service.coach(caller, body));
  }

  @GET
  @Operation(summary = "Own requests, sent (as=requester) or received (as=leader)")
  public Page<RequestView> list(
      @QueryParam("as") @DefaultValue("requester") String as,
      @QueryParam("status") String status,
      @QueryParam("limit") @DefaultValue("50") int limit,
      @QueryParam("offset") @DefaultValue("0") int offset) {
    Party side =
        switch (as.toLowerCase(Locale.ROOT)) {
          case "requester" -> Party.REQUESTER;
          case "leader" -> Party.LEADER;
          default -> throw Refusal.invalid("as", "requester or leader");
        };
    Page.checkBounds(limit, offset);
    return service.list(caller, side, parseStatus(status), limit, offset);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "A request with its history (the two parties only)")
  public RequestView get(@PathParam("id") UUID id) {
    return service.get(caller, id);
  }

  @POST
  @RateLimited
  @Path("{id}/accept")
  @Operation(summary = "Take one of the proposed times; an interview is SCHEDULED")
  public RequestView accept(
      @PathParam("id") UUID id, @Valid @NotNull(message = "a body is required") Accept body) {
    return service.accept(caller, id, body.start());
  }

  @POST
  @RateLimited
  @Path("{id}/counter")
  @Operation(summary = "The leader proposes other times; the employee then accepts one")
  public RequestView counter(
      @PathParam("id") UUID id, @Valid @NotNull(message = "a body is required") Counter body) {
    return service.counter(caller, id, body.proposedSlots(), body.note());
  }

  @POST
  @RateLimited
  @Path("{id}/redirect")
  @Operation(summary = "The leader suggests a colleague, who gets a new request with the referral")
  public RequestView redirect(
      @PathParam("id") UUID id, @Valid @NotNull(message = "a body is required") Redirect body) {
    return service.redirect(caller, id, body.leaderId(), body.note());
  }

  @GET
  @RolesAllowed("LEADER")
  @Path("{id}/colleagues")
  @Operation(
      summary = "Colleagues the request's leader could redirect it to",
      description =
          "Leaders whose name or title contains q, each one the redirect would accept now (the"
              + " program's rule on whom the employee may ask: never their own management chain),"
              + " at most limit (1 to "
              + MAX_COLLEAGUES
              + "), in the directory's order. Only the request's leader, while it is open.")
  @APIResponse(responseCode = "200", description = "The colleagues, possibly none")
  public List<Colleague> colleagues(
      @PathParam("id") UUID id,
      @QueryParam("q") String q,
      @QueryParam("limit") @DefaultValue("8") int limit) {
    if (limit < 1 || limit > MAX_COLLEAGUES) {
      throw Refusal.invalid("limit", "must be 1 to " + MAX_COLLEAGUES);
    }
    if (q != null && q.length() > 100) {
      throw Refusal.invalid("q", "at most 100 characters");
    }
    return service.colleagues(caller, id, q, limit);
  }

  @POST
  @RateLimited
  @Path("{id}/follow-up")
  @Operation(summary = "A friendly reminder: at most twice, 5 business days apart")
  public RequestView followUp(
      @PathParam("id") UUID id, @Valid @NotNull(message = "a body is required") FollowUp body) {
    return service.followUp(caller, id, body.message());
  }

  @POST
  @RateLimited
  @Path("{id}/decline")
  @Operation(summary = "The leader declines, with a reason")
  public RequestView decline(@PathParam("id") UUID id, @Valid Reason body) {
    return service.decline(caller, id, body == null ? null : body.reason());
  }

  @POST
  @RateLimited
  @Path("{id}/withdraw")
  @Operation(summary = "The employee withdraws an open request")
  public RequestView withdraw(@PathParam("id") UUID id, @Valid Reason body) {
    return service.withdraw(caller, id, body == null ? null : body.reason());
  }

  private static RequestStatus parseStatus(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return RequestStatus.valueOf(status.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw Refusal.invalid(
          "status", "one of " + java.util.Arrays.toString(RequestStatus.values()));
    }
  }
}
