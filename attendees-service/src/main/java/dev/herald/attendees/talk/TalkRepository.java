package dev.herald.attendees.talk;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.herald.attendees.event.Event;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TalkRepository implements PanacheRepositoryBase<Talk, UUID> {

    public Uni<List<Talk>> ofEvent(Event event) {
        return list("from Talk t left join fetch t.speakers where t.event = ?1 order by t.day nulls last, t.slot nulls last, t.title",
                event);
    }

    /** The talk or null; not firstResult(), which Hibernate would apply in memory to a fetched collection. */
    public Uni<Talk> findInEvent(Event event, UUID id) {
        return list("from Talk t left join fetch t.speakers where t.event = ?1 and t.id = ?2", event, id)
                .map(found -> found.isEmpty() ? null : found.get(0));
    }
}
