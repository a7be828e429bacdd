package dev.herald.attendees.participation;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.herald.attendees.event.Event;
import dev.herald.attendees.person.Person;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ParticipationRepository implements PanacheRepositoryBase<Participation, UUID> {

    public Uni<List<Participation>> ofEvent(Event event) {
        return list("from Participation p join fetch p.person where p.event = ?1 order by lower(p.person.name), p.person.slug",
                event);
    }

    public Uni<List<Participation>> ofPerson(Person person) {
        return list("from Participation p join fetch p.event where p.person = ?1 order by p.event.startDate desc", person);
    }

    public Uni<Participation> find(Event event, Person person) {
        return find("event = ?1 and person = ?2", event, person).firstResult();
    }
}
