package dev.herald.attendees.organisation;

import java.util.UUID;

import dev.herald.events.AttendeesEvent;
import dev.herald.problem.LowerCaseEnumNaming;

/** An organisation in API answers and events. */
public record OrganisationView(UUID id, String slug, String name, String url, OrganisationKind kind) {

    /** As events name it. */
    public AttendeesEvent.Organisation asEvent() {
        return new AttendeesEvent.Organisation(id, slug, name, url, LowerCaseEnumNaming.of(kind));
    }

    public static OrganisationView of(Organisation organisation) {
        return new OrganisationView(organisation.id, organisation.slug, organisation.name, organisation.url,
                organisation.kind);
    }
}
