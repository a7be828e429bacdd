package dev.herald.attendees.organisation;

import java.util.UUID;

/** An organisation in API answers and events. */
public record OrganisationView(UUID id, String slug, String name, String url, OrganisationKind kind) {

    public static OrganisationView of(Organisation organisation) {
        return new OrganisationView(organisation.id, organisation.slug, organisation.name, organisation.url,
                organisation.kind);
    }
}
