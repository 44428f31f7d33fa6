package io.crossroads.program;

import io.crossroads.platform.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The program's rules over HTTP: everyone reads them, HR changes them. */
@Path("program")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Program")
public class ProgramResource {

  /** The rules as read, with the version a change must name. */
  public record ProgramView(
      long version,
      List<Integer> lengths,
      int defaultLength,
      int defaultMonthlyCap,
      int maxOpenRequests,
      int maxRequestsPerMonth,
      int maxFollowUps,
      int followUpBusinessDays,
      int expiryBusinessDays,
      int maxLevelGap,
      int repeatWindowMonths,
      int keepInTouchDays,
      List<LocalDate> holidays,
      Instant updatedAt,
      UUID updatedBy) {

    static ProgramView of(Program.Versioned versioned) {
      ProgramRules r = versioned.rules();
      return new ProgramView(
          versioned.version(),
          r.lengths(),
          r.defaultLength(),
          r.defaultMonthlyCap(),
          r.maxOpenRequests(),
          r.maxRequestsPerMonth(),
          r.maxFollowUps(),
          r.followUpBusinessDays(),
          r.expiryBusinessDays(),
          r.maxLevelGap(),
          r.repeatWindowMonths(),
          r.keepInTouchDays(),
          r.holidays(),
          versioned.updatedAt(),
          versioned.updatedBy());
    }
  }

  /** A change: every rule, and the version it was made from. */
  public record ProgramChange(
      @NotNull(message = "the version the change was made from") Long version,
      @NotNull(message = "required") List<Integer> lengths,
      @NotNull(message = "required") Integer defaultLength,
      @NotNull(message = "required") Integer defaultMonthlyCap,
      @NotNull(message = "required") Integer maxOpenRequests,
      @NotNull(message = "required") Integer maxRequestsPerMonth,
      @NotNull(message = "required") Integer maxFollowUps,
      @NotNull(message = "required") Integer followUpBusinessDays,
      @NotNull(message = "required") Integer expiryBusinessDays,
      @NotNull(message = "required") Integer maxLevelGap,
      @NotNull(message = "required") Integer repeatWindowMonths,
      @NotNull(message = "required") Integer keepInTouchDays,
      @NotNull(message = "required, [] for none") List<LocalDate> holidays) {

    ProgramRules rules() {
      return new ProgramRules(
          lengths,
          defaultLength,
          defaultMonthlyCap,
          maxOpenRequests,
          maxRequestsPerMonth,
          maxFollowUps,
          followUpBusinessDays,
          expiryBusinessDays,
          maxLevelGap,
          repeatWindowMonths,
          keepInTouchDays,
          holidays);
    }
  }

  @Inject Caller caller;
  @Inject Program program;

  @GET
  @Operation(summary = "The program's rules now in force, with their version")
  public ProgramView get() {
    return ProgramView.of(program.current());
  }

  @PUT
  @RolesAllowed("HR")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change the rules (HR); a change made from an older version gets 409")
  public ProgramView change(@Valid @NotNull(message = "a body is required") ProgramChange body) {
    return ProgramView.of(program.change(caller.id(), body.version(), body.rules()));
  }
}
