package dev.herald.consumer;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

/** The records this service could not process: listed, and replayed through the same handler once fixed. */
@Path("/api/dead-letters")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private static final String PROBLEM = "application/problem+json";

    private final DeadLetterStore store;
    private final DeadLetterReplay replay;

    public DeadLetterResource(DeadLetterStore store, DeadLetterReplay replay) {
        this.store = store;
        this.replay = replay;
    }

    /** Newest first; {@code status} is {@code pending} or {@code replayed}, none lists both. */
    @GET
    public Uni<Response> list(@QueryParam("topic") String topic, @QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (status != null && !List.of("pending", "replayed").contains(status)) {
            return Uni.createFrom().item(problem(400, "Invalid request", "status must be pending or replayed", "status"));
        }
        if (limit < 1 || limit > 1000) {
            return Uni.createFrom().item(problem(400, "Invalid request", "limit must be between 1 and 1000", "limit"));
        }
        return store.list(topic, status == null ? null : status.equals("replayed"), limit)
                .map(letters -> Response.ok(letters).build());
    }

    @GET
    @Path("{id}")
    public Uni<Response> one(@PathParam("id") UUID id) {
        return store.find(id).map(found -> found.map(letter -> Response.ok(letter).build()).orElseGet(() -> notFound(id)));
    }

    /**
     * 200 with the letter marked replayed when the handler applied it; 422 when it still cannot be processed (the
     * letter stays); 503 when the database or broker is away (try again).
     */
    @POST
    @Path("{id}/replay")
    public Uni<Response> replay(@PathParam("id") UUID id) {
        return store.find(id).flatMap(found -> found.isEmpty() ? Uni.createFrom().item(notFound(id))
                : replay.replay(found.get()).map(outcome -> outcome.unprocessable() != null
                        ? problem(422, "Still unprocessable", outcome.unprocessable().reason().code + ": "
                                + outcome.unprocessable().getMessage(), null)
                        : outcome.unavailable() != null
                                ? problem(503, "Service Unavailable", "could not apply the record now: "
                                        + outcome.unavailable().getMessage(), null)
                                : Response.ok(outcome.letter()).build()));
    }

    private static Response notFound(UUID id) {
        return problem(404, "Not Found", "dead letter '" + id + "' does not exist", null);
    }

    // shaped as libs/problem's documents, which feed-service does not carry
    private static Response problem(int status, String title, String detail, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", URI.create("about:blank"));
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (field != null) {
            body.put("errors", List.of(Map.of("field", field, "message", detail)));
        }
        return Response.status(status).type(PROBLEM).entity(body).build();
    }
}
