package dev.herald.attendees.sponsorship;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.herald.attendees.event.Event;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SponsorshipRepository implements PanacheRepositoryBase<Sponsorship, UUID> {

    public Uni<List<Sponsorship>> ofEvent(Event event) {
        return list("from Sponsorship s join fetch s.organisation where s.event = ?1 order by lower(s.organisation.name), s.kind",
                event);
    }
}
