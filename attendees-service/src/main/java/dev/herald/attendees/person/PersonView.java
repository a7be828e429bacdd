package dev.herald.attendees.person;

import java.util.UUID;

/** The public face of a person, in API answers and in events alike: never the e-mail. */
public record PersonView(UUID id, String slug, String name, String bio, String github, String avatar, String bluesky,
        String mastodon, String website, boolean featured) {
}
