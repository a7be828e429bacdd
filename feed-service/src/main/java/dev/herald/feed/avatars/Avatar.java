package dev.herald.feed.avatars;

import java.nio.charset.StandardCharsets;

import dev.herald.feed.feeds.Revalidation;

/** An image to answer with: its media type (from its bytes, never from the source's word), bytes and strong tag. */
record Avatar(String mediaType, byte[] bytes, String etag) {

    static Avatar of(String mediaType, byte[] bytes) {
        return new Avatar(mediaType, bytes, Revalidation.tag(bytes));
    }

    static Avatar svg(String svg) {
        return of("image/svg+xml", svg.getBytes(StandardCharsets.UTF_8));
    }
}
