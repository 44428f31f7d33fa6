package io.crossroads.directory;

import io.crossroads.directory.DirectoryImports.JobView;
import io.crossroads.platform.jobs.BatchJobs;
import io.crossroads.platform.problem.Problem;
import io.crossroads.platform.problem.ProblemType;
import io.crossroads.platform.problem.Problems;
import io.crossroads.platform.problem.Refusal;
import io.crossroads.platform.security.Caller;
import io.crossroads.platform.security.RateLimited;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Directory import from an HRIS export, sync from Keycloak, and the jobs that carry them out, for
 * HR.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("HR")
@Tag(name = "Directory")
public class DirectoryResource {

  /** 100,000 people at about 150 bytes a line, with room to spare. */
  static final long MAX_BYTES = 50L * 1024 * 1024;

  @Inject Caller caller;
  @Inject DirectoryImports imports;
  @Inject BatchJobs jobs;
  @Inject KeycloakDirectory keycloak;

  /** Not transactional: the job starts after the file is stored. */
  @POST
  @RateLimited
  @Path("directory/import")
  @Consumes("text/csv")
  @Operation(
      summary = "Import people from CSV; full=true also deactivates everyone not in the file")
  public Response importCsv(
      String csv,
      @QueryParam("full") @DefaultValue("false") boolean full,
      @HeaderParam("Content-Length") Long length,
      @Context UriInfo uri) {
    if ((length != null && length > MAX_BYTES) || (csv != null && csv.length() > MAX_BYTES)) {
      return Problems.response(
          Problem.of(
              ProblemType.PAYLOAD_TOO_LARGE,
              "An import file is at most " + MAX_BYTES / (1024 * 1024) + " MB."));
    }
    if (csv == null || csv.isBlank()) {
      throw Refusal.invalid("body", "the file is empty");
    }
    UUID id = imports.submit(caller, csv, full);
    jobs.start(DirectoryImports.JOBS, id);
    return Response.accepted(Map.of("jobId", id))
        .location(uri.getBaseUriBuilder().path("jobs").path(id.toString()).build())
        .build();
  }

  /** Not transactional: the job starts after it is stored. */
  @POST
  @RateLimited
  @Path("directory/sync")
  @Operation(summary = "Sync people, divisions (groups) and roles from Keycloak; 202 with the job")
  public Response sync(@Context UriInfo uri) {
    if (!keycloak.configured()) {
      throw new Refusal(
          ProblemType.SYNC_NOT_CONFIGURED,
          "Set crossroads.keycloak.url (and realm, client id and secret) to sync from Keycloak.");
    }
    UUID id = imports.submitSync(caller.id());
    jobs.start(DirectoryImports.JOBS, id);
    return Response.accepted(Map.of("jobId", id))
        .location(uri.getBaseUriBuilder().path("jobs").path(id.toString()).build())
        .build();
  }

  @GET
  @Path("jobs/{id}")
  @Operation(summary = "A directory job's status, progress, errors by line, and what it changed")
  public JobView job(@PathParam("id") UUID id) {
    return imports.view(id);
  }
}
