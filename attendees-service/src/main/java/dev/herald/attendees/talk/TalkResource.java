package dev.herald.attendees.talk;

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

@Path("/api/events/{event}/talks")
@Tag(name = "events")
public class TalkResource {

    private final TalkService service;

    public TalkResource(TalkService service) {
        this.service = service;
    }

    @GET
    public Uni<List<TalkView>> list(String event, @QueryParam("kind") String kind) {
        return service.list(event, Enums.parse(TalkKind.class, kind, "kind"));
    }

    @POST
    @RolesAllowed("admin")
    public Uni<Response> add(String event, @Valid @NotNull TalkInput input) {
        return service.add(event, input).map(created -> Response.status(201).entity(created).build());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed("admin")
    public Uni<TalkView> update(String event, UUID id, @Valid @NotNull TalkInput input) {
        return service.update(event, id, input);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("admin")
    public Uni<Void> remove(String event, UUID id) {
        return service.remove(event, id);
    }
}
