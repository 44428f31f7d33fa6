package io.crossroads.network;

import io.crossroads.network.NetworkViews.AgendaView;
import io.crossroads.platform.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The employee's home over HTTP: what needs the caller now. */
@Path("me/agenda")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Home")
public class AgendaResource {

  @Inject Caller caller;
  @Inject Agenda agenda;

  @GET
  @Operation(
      summary = "What needs the caller now, as an employee",
      description =
          "New times a leader proposed, to accept one of; requests unanswered long enough for a"
              + " follow-up; held interviews not thanked for, within a week of their end;"
              + " contacts due; the next scheduled interview. Each list is {items, total}, the"
              + " most pressing first, at most 5 items. Only the caller's own: nothing of"
              + " anyone else's requests or interviews.")
  @APIResponse(responseCode = "200", description = "The caller's agenda")
  public AgendaView agenda() {
    return agenda.of(caller.id());
  }
}
