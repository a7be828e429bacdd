package dev.herald.attendees.person;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AffiliationRepository implements PanacheRepositoryBase<Affiliation, UUID> {

    public Uni<List<Affiliation>> ofPerson(Person person) {
        return list("from Affiliation a join fetch a.organisation where a.person = ?1 order by a.since nulls first, a.organisation.name",
                person);
    }
}
