package dev.herald.feed.feeds;

import io.vertx.core.buffer.Buffer;

/**
 * One content coding of a feed document: the bytes as sent, the same bytes as the buffer every response writes (Vert.x
 * writes a duplicate of it, so it is shared without a copy per request), and their strong entity tag, quoted.
 */
public record EncodedBody(byte[] bytes, Buffer buffer, String etag) {

    static EncodedBody of(byte[] bytes) {
        return new EncodedBody(bytes, Buffer.buffer(bytes), Revalidation.tag(bytes));
    }

    /** The same bytes as another representation (another media type): a tag of its own (RFC 9110 section 8.8.3). */
    EncodedBody taggedAs(String suffix) {
        return new EncodedBody(bytes, buffer, etag.substring(0, etag.length() - 1) + "-" + suffix + "\"");
    }
}
