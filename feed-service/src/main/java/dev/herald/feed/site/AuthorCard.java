package dev.herald.feed.site;

import java.util.List;

/** The author of a report as the public directory describes them; {@code avatar} is Herald's copy (/avatars/{slug}). */
public record AuthorCard(String name, String url, String bio, String avatar, List<String> affiliations, List<Link> links) {
}
