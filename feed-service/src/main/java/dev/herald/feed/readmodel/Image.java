package dev.herald.feed.readmodel;

/** An image of a report; length is 0 when the producer did not say. */
public record Image(String url, String mediaType, long length) {
}
