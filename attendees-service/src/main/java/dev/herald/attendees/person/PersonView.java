package dev.herald.attendees.person;

import java.util.List;
import java.util.UUID;

import dev.herald.events.AttendeesEvent;

/** The public face of a person, in API answers and in events alike: never the e-mail. */
public record PersonView(UUID id, String slug, String name, String bio, String github, String avatar, String bluesky,
        String mastodon, String website, boolean featured) {

    /** The data of {@code dev.herald.person.created} and {@code .updated}. */
    public AttendeesEvent.Person asEvent(List<AffiliationView> affiliations) {
        return new AttendeesEvent.Person(id, slug, name, bio, github, avatar, bluesky, mastodon, website, featured,
                affiliations.stream().map(AffiliationView::asEvent).toList());
    }
}
