package io.crossroads.directory;

import io.crossroads.directory.DirectoryImports.JobSummary;
import io.crossroads.directory.DirectoryImports.JobView;
import io.crossroads.platform.api.Page;
import io.crossroads.platform.api.RequestBody;
import io.crossroads.platform.jobs.BatchJobs;
import io.crossroads.platform.problem.ProblemType;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

  /**
   * 100,000 people at about 150 bytes a line, with room to spare. The file is streamed to a
   * temporary file as it arrives and refused as soon as it grows beyond this.
   */
  @Inject
  @ConfigProperty(name = "crossroads.limits.import-file", defaultValue = "52428800")
  long maxBytes;

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
      InputStream csv,
      @QueryParam("full") @DefaultValue("false") boolean full,
      @HeaderParam("Content-Length") Long length,
      @HeaderParam("Content-Type") MediaType type,
      @Context UriInfo uri)
      throws IOException {
    if (length != null && length > maxBytes) {
      throw tooLarge();
    }
    java.nio.file.Path file = Files.createTempFile("directory-import-", ".csv");
    UUID id;
    try {
      try (OutputStream out = Files.newOutputStream(file)) {
        copyAtMost(csv, out);
      }
      String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
      id =
          imports.submit(
              caller,
              file,
              charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset.trim()),
              full);
    } catch (IllegalArgumentException unknownCharset) {
      throw Refusal.invalid("Content-Type", "the charset is not known");
    } finally {
      Files.deleteIfExists(file);
    }
    jobs.start(DirectoryImports.JOBS, id);
    return Response.accepted(Map.of("jobId", id))
        .location(uri.getBaseUriBuilder().path("jobs").path(id.toString()).build())
        .build();
  }

  private void copyAtMost(InputStream in, OutputStream out) throws IOException {
    byte[] buffer = new byte[65536];
    long total = 0;
    for (int n; (n = RequestBody.read(in, buffer, total)) != -1; ) {
      total += n;
      if (total > maxBytes) {
        throw tooLarge();
      }
      out.write(buffer, 0, n);
    }
  }

  private Refusal tooLarge() {
    return new Refusal(
        ProblemType.PAYLOAD_TOO_LARGE,
        "An import file is at most " + maxBytes / (1024 * 1024) + " MiB.");
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
  @Path("jobs")
  @Operation(
      summary =
          "Directory imports and syncs, newest first, with their status, progress, counts and"
              + " times; kind=IMPORT or SYNC for one kind")
  public Page<JobSummary> jobs(
      @QueryParam("kind") String kind,
      @QueryParam("limit") @DefaultValue("20") int limit,
      @QueryParam("offset") @DefaultValue("0") int offset) {
    String only =
        kind == null || kind.isBlank()
            ? null
            : switch (kind.strip().toUpperCase(Locale.ROOT)) {
              case "IMPORT" -> "IMPORT";
              case "SYNC" -> "SYNC";
              default -> throw Refusal.invalid("kind", "IMPORT or SYNC");
            };
    Page.checkBounds(limit, offset);
    return imports.list(only, limit, offset);
  }

  @GET
  @Path("jobs/{id}")
  @Operation(summary = "A directory job's status, progress, errors by line, and what it changed")
  public JobView job(@PathParam("id") UUID id) {
    return imports.view(id);
  }
}
