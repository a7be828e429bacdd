package dev.herald.attendees.organisation;

import java.net.URI;

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

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.herald.paging.Page;
import dev.herald.paging.PageRequest;
import io.smallrye.mutiny.Uni;

// Quarkus infers JSON only for return types of this module, and Page comes from libs/paging
@Produces(MediaType.APPLICATION_JSON)
@Path("/api/organisations")
@Tag(name = "organisations")
public class OrganisationResource {

    private final OrganisationService service;

    public OrganisationResource(OrganisationService service) {
        this.service = service;
    }

    @GET
    public Uni<Page<OrganisationView>> list(@QueryParam("q") String q, @QueryParam("kind") OrganisationKind kind,
            @Valid @BeanParam PageRequest paging) {
        return service.page(q, kind, paging);
    }

    @GET
    @Path("{slug}")
    public Uni<OrganisationView> get(String slug) {
        return service.get(slug);
    }

    @POST
    @RolesAllowed("admin")
    public Uni<Response> create(@Valid @NotNull OrganisationInput input) {
        return service.create(input)
                .map(created -> Response.created(URI.create("/api/organisations/" + created.slug())).entity(created).build());
    }

    @PUT
    @Path("{slug}")
    @RolesAllowed("admin")
    public Uni<OrganisationView> update(String slug, @Valid @NotNull OrganisationInput input) {
        return service.update(slug, input);
    }

    @DELETE
    @Path("{slug}")
    @RolesAllowed("admin")
    public Uni<Void> delete(String slug) {
        return service.delete(slug);
    }
}
