package dev.herald.attendees.eventdetail;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.herald.attendees.event.EventKind;
import dev.herald.attendees.event.EventView;
import dev.herald.paging.Page;
import dev.herald.paging.PageRequest;
import dev.herald.problem.ProblemException;
import io.smallrye.mutiny.Uni;

// Quarkus infers JSON only for return types of this module, and Page comes from libs/paging
@Produces(MediaType.APPLICATION_JSON)
@Path("/api/events")
@Tag(name = "events")
public class EventResource {

    private final EventService service;

    public EventResource(EventService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Events by name, kind and overlap with a date range (from, to as yyyy-MM-dd), newest first")
    public Uni<Page<EventView>> list(@QueryParam("q") String q, @QueryParam("kind") EventKind kind,
            @QueryParam("from") String from, @QueryParam("to") String to, @Valid @BeanParam PageRequest paging) {
        return service.page(q, kind, date(from, "from"), date(to, "to"), paging);
    }

    private static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date as yyyy-MM-dd");
        }
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "The whole event: participants grouped by role, mentorships, sponsors and talks")
    public Uni<EventDetail> get(String slug) {
        return service.detail(slug);
    }

    @POST
    @RolesAllowed("admin")
    public Uni<Response> create(@Valid @NotNull EventInput input) {
        return service.create(input)
                .map(created -> Response.created(URI.create("/api/events/" + created.event().slug())).entity(created).build());
    }

    @PUT
    @Path("{slug}")
    @RolesAllowed("admin")
    public Uni<EventDetail> update(String slug, @Valid @NotNull EventInput input) {
        return service.update(slug, input);
    }

    @DELETE
    @Path("{slug}")
    @RolesAllowed("admin")
    public Uni<Void> delete(String slug) {
        return service.delete(slug);
    }
}
