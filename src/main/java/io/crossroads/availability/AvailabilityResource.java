package io.crossroads.availability;

import io.crossroads.availability.AvailabilityViews.AvailabilityView;
import io.crossroads.availability.AvailabilityViews.SlotView;
import io.crossroads.platform.api.QueryParams;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A leader's availability and open slots over HTTP. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Availability")
public class AvailabilityResource {

  @Inject Caller caller;
  @Inject AvailabilityService availability;
  @Inject Clock clock;

  @GET
  @Path("leaders/{id}/availability")
  @Operation(
      summary = "The leader's weekly hours, overrides, buffers, notice and horizon (that leader)")
  public AvailabilityView get(@PathParam("id") UUID id) {
    return availability.get(caller, id);
  }

  @PUT
  @Path("leaders/{id}/availability")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace the leader's availability (that leader)")
  public AvailabilityView replace(
      @PathParam("id") UUID id,
      @Valid @NotNull(message = "a body is required") AvailabilityView body) {
    return availability.replace(caller, id, body);
  }

  @GET
  @Path("leaders/{id}/slots")
  @Operation(summary = "Open start times for a meeting length, at most 31 days per call")
  public List<SlotView> slots(
      @PathParam("id") UUID id,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("length") @DefaultValue("20") int length) {
    Instant start = QueryParams.instant("from", from).orElseGet(clock::instant);
    Instant end = QueryParams.instant("to", to).orElseGet(() -> start.plus(Duration.ofDays(7)));
    return availability.slots(id, start, end, length);
  }
}
