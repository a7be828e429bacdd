package dev.herald.feed.site;

/** A labelled site-relative link. */
public record Link(String label, String url) {
}
