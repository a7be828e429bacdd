package dev.herald.outbox;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.herald.paging.Page;
import dev.herald.paging.PageRequest;
import dev.herald.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Parked outbox events, for an admin to see why a change never reached Kafka and to send it again once fixed. */
@Path("/api/outbox/parked")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class OutboxResource {

    private final OutboxRepository outbox;
    private final OutboxRelay relay;

    public OutboxResource(OutboxRepository outbox, OutboxRelay relay) {
        this.outbox = outbox;
        this.relay = relay;
    }

    @GET
    @WithSession
    @Operation(summary = "Events Kafka refused for good (too large, say), oldest first, with the reason")
    public Uni<Page<ParkedEventView>> list(@Valid @BeanParam PageRequest paging) {
        return paging.read(outbox.parked(), ParkedEventView::of);
    }

    @POST
    @Path("{id}/retry")
    @WithSession
    @Operation(summary = "Put a parked event back in line (after raising a limit, say); it is parked again if refused again")
    public Uni<Void> retry(@PathParam("id") UUID id) {
        return Panache.withTransaction(() -> outbox.unpark(id))
                .invoke(unparked -> {
                    if (!unparked) {
                        throw ProblemException.notFound("Parked outbox event", id);
                    }
                })
                .invoke(relay::wake)
                .replaceWithVoid();
    }
}
