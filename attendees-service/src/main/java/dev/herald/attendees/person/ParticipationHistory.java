package dev.herald.attendees.person;

import java.util.List;

import io.smallrye.mutiny.Uni;

/** The events a person took part in, newest first; kept by the participation feature, which builds on people. */
public interface ParticipationHistory {

    Uni<List<PersonParticipation>> of(Person person);
}
