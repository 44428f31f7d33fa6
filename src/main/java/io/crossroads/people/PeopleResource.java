package io.crossroads.people;

import io.crossroads.people.PeopleViews.DivisionView;
import io.crossroads.people.PeopleViews.LeaderProfileUpdate;
import io.crossroads.people.PeopleViews.LeaderProfileView;
import io.crossroads.people.PeopleViews.Me;
import io.crossroads.people.PeopleViews.PersonSummary;
import io.crossroads.people.PeopleViews.PersonView;
import io.crossroads.platform.api.Page;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The directory and leader profiles over HTTP. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "People")
public class PeopleResource {

  @Inject Caller caller;
  @Inject PeopleService people;

  @GET
  @Path("me")
  @Operation(summary = "The signed-in person, with roles")
  public Me me() {
    return people.me(caller);
  }

  @GET
  @Path("divisions")
  @Operation(summary = "All divisions with their headcount")
  public List<DivisionView> divisions() {
    return people.divisions();
  }

  @GET
  @Path("people")
  @Operation(summary = "Search the directory by name or title, division, leaders only")
  public Page<PersonSummary> search(
      @QueryParam("q") String q,
      @QueryParam("divisionId") UUID divisionId,
      @QueryParam("leadersOnly") @DefaultValue("false") boolean leadersOnly,
      @QueryParam("limit") @DefaultValue("50") int limit,
      @QueryParam("offset") @DefaultValue("0") int offset) {
    Page.checkBounds(limit, offset);
    return people.search(q, divisionId, leadersOnly, limit, offset);
  }

  @GET
  @Path("people/{id}")
  @Operation(summary = "A public profile, with the leader profile for leaders")
  public PersonView person(@PathParam("id") UUID id) {
    return people.person(caller, id);
  }

  @GET
  @Path("leaders/{id}/profile")
  @Operation(summary = "What a leader offers: topics, cap, lengths, formats")
  public LeaderProfileView profile(@PathParam("id") UUID id) {
    return people.profile(caller, id);
  }

  @PUT
  @Path("leaders/{id}/profile")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change a leader profile (that leader, or HR)")
  public LeaderProfileView updateProfile(
      @PathParam("id") UUID id,
      @Valid @NotNull(message = "a body is required") LeaderProfileUpdate body) {
    return people.updateProfile(caller, id, body);
  }
}
