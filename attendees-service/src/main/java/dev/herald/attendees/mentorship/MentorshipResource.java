package dev.herald.attendees.mentorship;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

@Path("/api/events/{event}/mentorships")
@Tag(name = "events")
public class MentorshipResource {

    private final MentorshipService service;

    public MentorshipResource(MentorshipService service) {
        this.service = service;
    }

    @GET
    public Uni<List<MentorshipView>> list(String event) {
        return service.list(event);
    }

    @POST
    @RolesAllowed("admin")
    public Uni<Response> add(String event, @Valid @NotNull MentorshipInput input) {
        return service.add(event, input).map(created -> Response.status(201).entity(created).build());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed("admin")
    public Uni<MentorshipView> update(String event, UUID id, @Valid @NotNull MentorshipInput input) {
        return service.update(event, id, input);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("admin")
    public Uni<Void> remove(String event, UUID id) {
        return service.remove(event, id);
    }
}
