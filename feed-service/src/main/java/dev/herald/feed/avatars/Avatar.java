package dev.herald.feed.avatars;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** An image to answer with: its media type (from its bytes, never from the source's word), bytes and strong tag. */
record Avatar(String mediaType, byte[] bytes, String etag) {

    static Avatar of(String mediaType, byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new Avatar(mediaType, bytes, Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    static Avatar svg(String svg) {
        return of("image/svg+xml", svg.getBytes(StandardCharsets.UTF_8));
    }
}
