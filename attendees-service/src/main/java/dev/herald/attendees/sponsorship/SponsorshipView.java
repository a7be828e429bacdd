package dev.herald.attendees.sponsorship;

import java.util.UUID;

import dev.herald.attendees.organisation.OrganisationView;
import dev.herald.events.AttendeesEvent;
import dev.herald.problem.LowerCaseEnumNaming;

public record SponsorshipView(UUID id, OrganisationView organisation, SponsorshipKind kind, String note) {

    public AttendeesEvent.Sponsor asEvent() {
        return new AttendeesEvent.Sponsor(id, organisation.asEvent(), LowerCaseEnumNaming.of(kind), note);
    }

    public static SponsorshipView of(Sponsorship sponsorship) {
        return new SponsorshipView(sponsorship.id, OrganisationView.of(sponsorship.organisation), sponsorship.kind,
                sponsorship.note);
    }
}
