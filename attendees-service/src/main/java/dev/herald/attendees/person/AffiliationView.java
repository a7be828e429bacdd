package dev.herald.attendees.person;

import java.time.LocalDate;
import java.util.UUID;

import dev.herald.attendees.organisation.OrganisationView;
import dev.herald.events.AttendeesEvent;

public record AffiliationView(UUID id, OrganisationView organisation, String title, LocalDate since, LocalDate until) {

    public AttendeesEvent.Affiliation asEvent() {
        return new AttendeesEvent.Affiliation(id, organisation.asEvent(), title, since, until);
    }

    public static AffiliationView of(Affiliation affiliation) {
        return new AffiliationView(affiliation.id, OrganisationView.of(affiliation.organisation), affiliation.title,
                affiliation.since, affiliation.until);
    }
}
