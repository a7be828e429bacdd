package dev.herald.attendees.person;

import java.util.UUID;

import dev.herald.events.AttendeesEvent;

/** A person as other aggregates name them: consumers join on {@code id}, the rest is for display. */
public record PersonRef(UUID id, String slug, String name) {

    public AttendeesEvent.PersonRef asEvent() {
        return new AttendeesEvent.PersonRef(id, slug, name);
    }

    public static PersonRef of(Person person) {
        return new PersonRef(person.id, person.slug, person.name);
    }
}
