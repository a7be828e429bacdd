package dev.herald.feed.feeds;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/** A feed document's bytes, ready to serve, with what HTTP revalidation needs. */
public record RenderedFeed(byte[] body, String mediaType, String etag, Instant lastModified, String selfUrl,
        boolean immutable) {

    static RenderedFeed of(byte[] body, FeedFormat format, FeedDocument document, boolean immutable) {
        // HTTP dates have whole seconds: a finer Last-Modified would never compare equal to If-Modified-Since
        return new RenderedFeed(body, format.mediaType(), digest(body), document.updated().truncatedTo(ChronoUnit.SECONDS),
                document.selfUrl(), immutable);
    }

    // a hash of the bytes: the same content gives the same tag on every instance and after every restart
    private static String digest(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
