package dev.herald.attendees.sponsorship;

import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.herald.attendees.event.EventPartResource;
import dev.herald.paging.Page;
import dev.herald.paging.PageRequest;
import io.smallrye.mutiny.Uni;

// Quarkus infers JSON only for return types of this module, and Page comes from libs/paging
@Produces(MediaType.APPLICATION_JSON)
@Path("/api/events/{event}/sponsorships")
@Tag(name = "events")
public class SponsorshipResource extends EventPartResource<SponsorshipInput, SponsorshipView> {

    private final SponsorshipService service;

    public SponsorshipResource(SponsorshipService service) {
        super(service);
        this.service = service;
    }

    @GET
    public Uni<Page<SponsorshipView>> list(String event, @QueryParam("kind") SponsorshipKind kind, @Valid @BeanParam PageRequest paging) {
        return service.list(event, kind).map(all -> Page.slice(all, paging));
    }
}
