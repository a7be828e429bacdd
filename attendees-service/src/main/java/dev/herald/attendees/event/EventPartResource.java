package dev.herald.attendees.event;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

/**
 * The admin writes under {@code /api/events/{event}/<parts>}; a subclass names the path and adds its listing, with
 * the filters its kind of part has.
 */
public abstract class EventPartResource<I, V> {

    private final EventParts<I, V> parts;

    protected EventPartResource(EventParts<I, V> parts) {
        this.parts = parts;
    }

    @POST
    @RolesAllowed("admin")
    public Uni<Response> add(@PathParam("event") String event, @Valid @NotNull I input) {
        return parts.add(event, input).map(created -> Response.status(201).entity(created).build());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed("admin")
    public Uni<V> update(@PathParam("event") String event, @PathParam("id") UUID id, @Valid @NotNull I input) {
        return parts.update(event, id, input);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("admin")
    public Uni<Void> remove(@PathParam("event") String event, @PathParam("id") UUID id) {
        return parts.remove(event, id);
    }
}
