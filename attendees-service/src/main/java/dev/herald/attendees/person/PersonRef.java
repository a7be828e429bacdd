package dev.herald.attendees.person;

import java.util.UUID;

/** A person as other aggregates name them: consumers join on {@code id}, the rest is for display. */
public record PersonRef(UUID id, String slug, String name) {

    public static PersonRef of(Person person) {
        return new PersonRef(person.id, person.slug, person.name);
    }
}
