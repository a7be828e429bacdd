package dev.herald.attendees.person;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import dev.herald.attendees.event.Event;
import dev.herald.attendees.event.Role;

/** An event as seen from one of its participants. */
public record PersonParticipation(UUID eventId, String eventSlug, String eventName, LocalDate startDate,
        LocalDate endDate, Set<Role> roles) {

    public static PersonParticipation of(Event event, Set<Role> roles) {
        return new PersonParticipation(event.id, event.slug, event.name, event.startDate, event.endDate, roles);
    }
}
