package dev.herald.attendees.person;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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

import com.fasterxml.jackson.databind.JsonNode;

import dev.herald.attendees.api.ImportReport;
import dev.herald.paging.Page;
import dev.herald.paging.PageRequest;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

// Quarkus infers JSON only for return types of this module, and Page comes from libs/paging
@Produces(MediaType.APPLICATION_JSON)
@Path("/api/people")
@Tag(name = "people")
public class PersonResource {

    private final PersonService service;
    private final AuthorImportService authors;
    private final SecurityIdentity caller;

    public PersonResource(PersonService service, AuthorImportService authors, SecurityIdentity caller) {
        this.service = service;
        this.authors = authors;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "People by name (q matches anywhere, ignoring case) and featured flag, by name")
    public Uni<Page<PersonView>> list(@QueryParam("q") String q, @QueryParam("featured") Boolean featured,
            @Valid @BeanParam PageRequest paging) {
        return service.page(q, featured, paging);
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "A person with affiliations and participations; the e-mail only for admins")
    public Uni<PersonDetail> get(String slug) {
        return service.detail(slug, caller.hasRole("admin"));
    }

    @POST
    @RolesAllowed("admin")
    public Uni<Response> create(@Valid @NotNull PersonInput input) {
        return service.create(input)
                .map(created -> Response.created(URI.create("/api/people/" + created.slug())).entity(created).build());
    }

    @PUT
    @Path("{slug}")
    @RolesAllowed("admin")
    public Uni<PersonView> update(String slug, @Valid @NotNull PersonInput input) {
        return service.update(slug, input);
    }

    @DELETE
    @Path("{slug}")
    @RolesAllowed("admin")
    @Operation(summary = "Erase a person's personal data; retainPublicRecord=true keeps name and participations")
    public Uni<Void> erase(String slug, @QueryParam("retainPublicRecord") @DefaultValue("false") boolean retainPublicRecord) {
        return service.erase(slug, retainPublicRecord);
    }

    @DELETE
    @Path("erasures/{slug}")
    @RolesAllowed("admin")
    @Operation(summary = "Lift an erasure for a person who returns and consents, so that imports may bring them back")
    public Uni<Void> liftErasure(String slug) {
        return service.liftErasure(slug);
    }

    @POST
    @Path("import")
    @RolesAllowed("admin")
    @Operation(summary = "Import author files: {slug: author, ...} or [{slug, ...author}]; idempotent, reports each row")
    public Uni<ImportReport> importAuthors(@NotNull JsonNode authorsBySlug) {
        return authors.importAuthors(authorsBySlug);
    }

    @POST
    @Path("{slug}/affiliations")
    @RolesAllowed("admin")
    public Uni<Response> addAffiliation(String slug, @Valid @NotNull AffiliationInput input) {
        return service.addAffiliation(slug, input).map(created -> Response.status(201).entity(created).build());
    }

    @DELETE
    @Path("{slug}/affiliations/{id}")
    @RolesAllowed("admin")
    public Uni<Void> removeAffiliation(String slug, UUID id) {
        return service.removeAffiliation(slug, id);
    }
}
