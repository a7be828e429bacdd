package dev.herald.consumer;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.herald.paging.Page;
import dev.herald.paging.PageRequest;
import dev.herald.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/** The records this service could not process: listed, and replayed through the same handler once fixed. */
@Path("/api/dead-letters")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private final DeadLetterStore store;
    private final DeadLetterReplay replay;

    public DeadLetterResource(DeadLetterStore store, DeadLetterReplay replay) {
        this.store = store;
        this.replay = replay;
    }

    @GET
    @Operation(summary = "Dead letters, newest first; status pending or replayed, none lists both")
    public Uni<Page<DeadLetter>> list(@QueryParam("topic") String topic, @QueryParam("status") String status,
            @Valid @BeanParam PageRequest paging) {
        if (status != null && !List.of("pending", "replayed").contains(status)) {
            throw ProblemException.invalid("status", "must be pending or replayed");
        }
        return store.page(topic, status == null ? null : status.equals("replayed"), paging);
    }

    @GET
    @Path("{id}")
    public Uni<DeadLetter> one(@PathParam("id") UUID id) {
        return store.find(id).map(found -> found.orElseThrow(() -> notFound(id)));
    }

    /**
     * 200 with the letter marked replayed when the handler applied it; 422 when it still cannot be processed (the
     * letter stays); 503 when the database or broker is away (try again).
     */
    @POST
    @Path("{id}/replay")
    public Uni<DeadLetter> replay(@PathParam("id") UUID id) {
        return store.find(id).flatMap(found -> replay.replay(found.orElseThrow(() -> notFound(id))))
                .map(outcome -> {
                    if (outcome.unprocessable() != null) {
                        throw new ProblemException(422, "Still unprocessable", outcome.unprocessable().reason().code
                                + ": " + outcome.unprocessable().getMessage(), List.of());
                    }
                    if (outcome.unavailable() != null) {
                        throw new ProblemException(503, "Service Unavailable", "could not apply the record now: "
                                + outcome.unavailable().getMessage(), List.of());
                    }
                    return outcome.letter();
                });
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Dead letter", id);
    }
}
