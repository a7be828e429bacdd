package dev.herald.attendees.sponsorship;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.herald.attendees.api.Enums;
import io.smallrye.mutiny.Uni;

@Path("/api/events/{event}/sponsorships")
@Tag(name = "events")
public class SponsorshipResource {

    private final SponsorshipService service;

    public SponsorshipResource(SponsorshipService service) {
        this.service = service;
    }

    @GET
    public Uni<List<SponsorshipView>> list(String event, @QueryParam("kind") String kind) {
        return service.list(event, Enums.parse(SponsorshipKind.class, kind, "kind"));
    }

    @POST
    @RolesAllowed("admin")
    public Uni<Response> add(String event, @Valid @NotNull SponsorshipInput input) {
        return service.add(event, input).map(created -> Response.status(201).entity(created).build());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed("admin")
    public Uni<SponsorshipView> update(String event, UUID id, @Valid @NotNull SponsorshipInput input) {
        return service.update(event, id, input);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("admin")
    public Uni<Void> remove(String event, UUID id) {
        return service.remove(event, id);
    }
}
