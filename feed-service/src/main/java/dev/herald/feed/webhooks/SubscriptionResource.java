package dev.herald.feed.webhooks;

import java.net.URI;
import java.util.UUID;

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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.herald.feed.delivery.DeliveryView;
import dev.herald.paging.Page;
import dev.herald.paging.PageRequest;
import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.smallrye.mutiny.Uni;

/** Webhook subscriptions and their delivery logs, for admins only (reads too: they show endpoints and failures). */
@Path("/api/subscriptions")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    private final SubscriptionService service;

    SubscriptionResource(SubscriptionService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictJson.class)
    @Operation(summary = "Subscribe a URL; the answer holds the signing secret, which is never shown again")
    public Uni<Response> create(@Valid @NotNull SubscriptionInput input) {
        return service.create(input).map(created -> Response.created(URI.create("/api/subscriptions/" + created.id()))
                .entity(created).build());
    }

    @GET
    @Operation(summary = "Subscriptions, oldest first, without their secrets")
    public Uni<Page<SubscriptionView>> list(@Valid @BeanParam PageRequest paging) {
        return service.page(paging);
    }

    @GET
    @Path("{id}")
    public Uni<SubscriptionView> get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomDeserialization(StrictJson.class)
    @Operation(summary = "Replace URL, description, filters and active flag; re-enabling clears the disabled state")
    public Uni<SubscriptionView> replace(@PathParam("id") UUID id, @Valid @NotNull SubscriptionInput input) {
        return service.replace(id, input);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a subscription and drop the deliveries it has not been sent yet")
    public Uni<Void> delete(@PathParam("id") UUID id) {
        return service.delete(id);
    }

    @POST
    @Path("{id}/secret")
    @Operation(summary = "Rotate the secret: the new one is shown once; the old one also signs for the rotation overlap")
    public Uni<SubscriptionView> rotateSecret(@PathParam("id") UUID id) {
        return service.rotateSecret(id);
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "The delivery log, newest first, with every attempt")
    public Uni<Page<DeliveryView>> deliveries(@PathParam("id") UUID id, @Valid @BeanParam PageRequest paging) {
        return service.deliveries(id, paging);
    }

    @GET
    @Path("{id}/deliveries/{deliveryId}")
    public Uni<DeliveryView> delivery(@PathParam("id") UUID id, @PathParam("deliveryId") long deliveryId) {
        return service.delivery(id, deliveryId);
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Send a delivery again now, with the same webhook-id")
    public Uni<Response> redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") long deliveryId) {
        return service.redeliver(id, deliveryId).map(queued -> Response.accepted()
                .location(URI.create("/api/subscriptions/" + id + "/deliveries/" + deliveryId)).build());
    }
}
