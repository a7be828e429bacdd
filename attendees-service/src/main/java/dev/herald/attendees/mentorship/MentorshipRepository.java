package dev.herald.attendees.mentorship;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.herald.attendees.event.Event;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MentorshipRepository implements PanacheRepositoryBase<Mentorship, UUID> {

    public Uni<List<Mentorship>> ofEvent(Event event) {
        return list("from Mentorship m join fetch m.mentor join fetch m.mentee where m.event = ?1"
                + " order by lower(m.mentee.name), m.remote, lower(m.mentor.name)", event);
    }
}
