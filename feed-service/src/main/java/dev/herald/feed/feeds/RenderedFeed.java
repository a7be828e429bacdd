package dev.herald.feed.feeds;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A feed document ready to serve, as identity bytes and precompressed gzip bytes, each with its own strong ETag
 * (RFC 9110 section 8.8.3: a strong validator changes with the content coding), and what revalidation needs.
 */
public record RenderedFeed(EncodedBody identity, EncodedBody gzip, String mediaType, Instant lastModified,
        String selfUrl, boolean immutable) {

    static RenderedFeed of(byte[] body, FeedFormat format, FeedDocument document, boolean immutable) {
        // HTTP dates have whole seconds: a finer Last-Modified would never compare equal to If-Modified-Since
        return new RenderedFeed(EncodedBody.of(body), EncodedBody.of(Gzip.compress(body)), format.mediaType(),
                document.updated().truncatedTo(ChronoUnit.SECONDS), document.selfUrl(), immutable);
    }
}
