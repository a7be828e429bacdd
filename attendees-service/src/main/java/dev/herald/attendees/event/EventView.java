package dev.herald.attendees.event;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.herald.attendees.organisation.OrganisationView;

/** An event without its participants, as listings show it. */
public record EventView(UUID id, String slug, String name, EventKind kind, LocalDate startDate, LocalDate endDate,
        String venue, String city, OrganisationView host, String description, List<EventLink> links,
        Integer attendance) {

    public static EventView of(Event event) {
        return new EventView(event.id, event.slug, event.name, event.kind, event.startDate, event.endDate, event.venue,
                event.city, event.hostOrganisation == null ? null : OrganisationView.of(event.hostOrganisation),
                event.description, event.links, event.attendance);
    }
}
