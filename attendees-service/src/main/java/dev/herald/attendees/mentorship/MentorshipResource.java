package dev.herald.attendees.mentorship;

import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.herald.attendees.event.EventPartResource;
import dev.herald.paging.Page;
import dev.herald.paging.PageRequest;
import io.smallrye.mutiny.Uni;

// Quarkus infers JSON only for return types of this module, and Page comes from libs/paging
@Produces(MediaType.APPLICATION_JSON)
@Path("/api/events/{event}/mentorships")
@Tag(name = "events")
public class MentorshipResource extends EventPartResource<MentorshipInput, MentorshipView> {

    private final MentorshipService service;

    public MentorshipResource(MentorshipService service) {
        super(service);
        this.service = service;
    }

    @GET
    public Uni<Page<MentorshipView>> list(String event, @Valid @BeanParam PageRequest paging) {
        return service.list(event).map(all -> Page.slice(all, paging));
    }
}
