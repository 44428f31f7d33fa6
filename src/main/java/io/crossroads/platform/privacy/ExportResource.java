package io.crossroads.platform.privacy;

import io.crossroads.platform.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/** The caller's own data, from every feature that holds some, as one JSON document. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ExportResource {

  @Inject Caller caller;
  @Inject @Any Instance<PersonalData> parts;
  @Inject Clock clock;

  @GET
  @Path("me/export")
  public Response export() {
    Map<String, Object> export = new TreeMap<>();
    for (PersonalData part : parts) {
      export.put(part.part(), part.about(caller.id()));
    }
    export.put("exportedAt", clock.instant());
    return Response.ok(export)
        .header("Content-Disposition", "attachment; filename=\"crossroads-my-data.json\"")
        .build();
  }
}
