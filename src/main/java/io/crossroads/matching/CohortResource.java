package io.crossroads.matching;

import io.crossroads.matching.MatchingViews.CohortMatchView;
import io.crossroads.matching.MatchingViews.CohortOutcome;
import io.crossroads.matching.MatchingViews.CohortView;
import io.crossroads.matching.MatchingViews.NewCohort;
import io.crossroads.platform.api.Page;
import io.crossroads.platform.jobs.BatchJobs;
import io.crossroads.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Cohort matching rounds, for HR. */
@Path("cohorts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("HR")
@Tag(name = "Cohorts")
public class CohortResource {

  @Inject Caller caller;
  @Inject CohortRounds rounds;
  @Inject BatchJobs jobs;

  /** Not transactional: the job starts after the round is committed. */
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Start a round: employees or divisions, k introductions each; 202 with its id")
  public Response create(@Valid @NotNull NewCohort body, @Context UriInfo uri) {
    CohortView round = rounds.create(caller, body);
    jobs.start(CohortRounds.JOBS, round.id());
    return Response.accepted(round)
        .location(uri.getAbsolutePathBuilder().path(round.id().toString()).build())
        .build();
  }

  @GET
  @Operation(summary = "Rounds, newest first")
  public Page<CohortView> list(
      @QueryParam("limit") @DefaultValue("20") int limit,
      @QueryParam("offset") @DefaultValue("0") int offset) {
    Page.checkBounds(limit, offset);
    return rounds.list(caller.id(), limit, offset);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "A round's status, progress and result")
  public CohortView get(@PathParam("id") UUID id) {
    return rounds.view(caller.id(), id);
  }

  @GET
  @Path("{id}/outcome")
  @Operation(
      summary =
          "A finished round's outcome: coverage, score distribution and each leader's load, over"
              + " the members the reader does not manage, directly or not")
  public CohortOutcome outcome(@PathParam("id") UUID id) {
    return rounds.outcome(caller.id(), id);
  }

  @GET
  @Path("{id}/matches")
  @Operation(
      summary =
          "Who a finished round introduced to whom, but for the people the reader manages,"
              + " directly or not; scores and reasons are the employee's alone")
  public Page<CohortMatchView> matches(
      @PathParam("id") UUID id,
      @QueryParam("limit") @DefaultValue("100") int limit,
      @QueryParam("offset") @DefaultValue("0") int offset) {
    Page.checkBounds(limit, offset);
    return rounds.matches(caller.id(), id, limit, offset);
  }
}
