package io.crossroads.matching;

import io.crossroads.matching.MatchingViews.InterestsView;
import io.crossroads.matching.MatchingViews.IntroductionView;
import io.crossroads.matching.MatchingViews.RecommendationView;
import io.crossroads.matching.MatchingViews.TopicView;
import io.crossroads.platform.problem.Refusal;
import io.crossroads.platform.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Interests, topics and recommendations over HTTP. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Matching")
public class MatchingResource {

  static final int MAX_RECOMMENDATIONS = 50;

  @Inject Caller caller;
  @Inject MatchingService matching;

  @GET
  @Path("me/interests")
  @Operation(summary = "What the signed-in person wants to learn about")
  public InterestsView interests() {
    return matching.interests(caller.id());
  }

  @PUT
  @Path("me/interests")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace target divisions, topics and goals")
  public InterestsView changeInterests(@Valid @NotNull InterestsView body) {
    return matching.changeInterests(caller, body);
  }

  @GET
  @Path("me/recommendations")
  @Operation(summary = "Leaders to talk to, best first, each with the reasons for its score")
  public List<RecommendationView> recommendations(
      @QueryParam("limit") @DefaultValue("10") int limit) {
    if (limit < 1 || limit > MAX_RECOMMENDATIONS) {
      throw Refusal.invalid("limit", "between 1 and " + MAX_RECOMMENDATIONS);
    }
    return matching.recommendations(caller, limit);
  }

  @GET
  @Path("me/introductions")
  @Operation(summary = "Leaders finished cohort rounds introduced the signed-in person to")
  public List<IntroductionView> introductions() {
    return matching.introductions(caller.id());
  }

  @GET
  @Path("topics")
  @Operation(summary = "The topic vocabulary, with how many leaders list each topic")
  public List<TopicView> topics() {
    return matching.topics();
  }
}
