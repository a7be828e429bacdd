package dev.herald.feed.feeds;

/** A media file attached to an entry; length 0 means unknown, as the RSS Best Practices Profile advises. */
public record Enclosure(String url, String mediaType, long length) {
}
