package dev.herald.attendees.participation;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** An event as seen from one of its participants. */
public record PersonParticipation(UUID eventId, String eventSlug, String eventName, LocalDate startDate,
        LocalDate endDate, Set<Role> roles) {

    public static PersonParticipation of(Participation participation) {
        return new PersonParticipation(participation.event.id, participation.event.slug, participation.event.name,
                participation.event.startDate, participation.event.endDate, participation.roles);
    }
}
