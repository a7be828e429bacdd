package dev.herald.attendees.participation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import dev.herald.attendees.api.ImportReport;
import dev.herald.attendees.event.Role;
import dev.herald.paging.Page;
import dev.herald.paging.PageRequest;
import io.smallrye.mutiny.Uni;

// Quarkus infers JSON only for return types of this module, and Page comes from libs/paging
@Produces(MediaType.APPLICATION_JSON)
@Path("/api/events/{event}/participants")
@Tag(name = "events")
public class ParticipantResource {

    private final ParticipationService service;
    private final AttendeeImportService imports;

    public ParticipantResource(ParticipationService service, AttendeeImportService imports) {
        this.service = service;
        this.imports = imports;
    }

    @GET
    @Operation(summary = "Participants of an event by name, optionally those holding one role")
    public Uni<Page<ParticipantView>> list(String event, @QueryParam("role") Role role,
            @Valid @BeanParam PageRequest paging) {
        return service.page(event, role, paging);
    }

    @PUT
    @Path("{person}")
    @RolesAllowed("admin")
    @Operation(summary = "Set exactly these roles for a person at the event, adding them if needed")
    public Uni<ParticipantView> put(String event, String person, @Valid @NotNull RolesInput input) {
        return service.put(event, person, input.roles());
    }

    @DELETE
    @Path("{person}")
    @RolesAllowed("admin")
    public Uni<Void> remove(String event, String person) {
        return service.remove(event, person);
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Import an attendee list [{person, roles}]; idempotent, reports each row")
    public Uni<ImportReport> importJson(String event, @NotNull JsonNode attendees) {
        return imports.importLines(event, AttendeeListReader.json(attendees));
    }

    @POST
    @Path("import")
    @Consumes("text/csv")
    @RolesAllowed("admin")
    @Operation(summary = "Import an attendee list as CSV: header person,roles; roles separated by ';'")
    public Uni<ImportReport> importCsv(String event, String csv) {
        return imports.importLines(event, AttendeeListReader.csv(csv));
    }
}
