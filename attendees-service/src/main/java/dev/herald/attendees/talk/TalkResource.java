package dev.herald.attendees.talk;

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
@Path("/api/events/{event}/talks")
@Tag(name = "events")
public class TalkResource extends EventPartResource<TalkInput, TalkView> {

    private final TalkService service;

    public TalkResource(TalkService service) {
        super(service);
        this.service = service;
    }

    @GET
    public Uni<Page<TalkView>> list(String event, @QueryParam("kind") TalkKind kind, @Valid @BeanParam PageRequest paging) {
        return service.list(event, kind).map(all -> Page.slice(all, paging));
    }
}
