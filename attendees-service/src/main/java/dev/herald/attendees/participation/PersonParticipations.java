package dev.herald.attendees.participation;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.herald.attendees.person.ParticipationHistory;
import dev.herald.attendees.person.Person;
import dev.herald.attendees.person.PersonParticipation;
import io.smallrye.mutiny.Uni;

/** A person's participations for their detail page. */
@ApplicationScoped
public class PersonParticipations implements ParticipationHistory {

    private final ParticipationRepository participations;

    public PersonParticipations(ParticipationRepository participations) {
        this.participations = participations;
    }

    @Override
    public Uni<List<PersonParticipation>> of(Person person) {
        return participations.ofPerson(person)
                .map(taken -> taken.stream().map(p -> PersonParticipation.of(p.event, p.roles)).toList());
    }
}
