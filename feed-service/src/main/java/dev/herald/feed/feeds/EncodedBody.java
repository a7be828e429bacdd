package dev.herald.feed.feeds;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import io.vertx.core.buffer.Buffer;

/**
 * One content coding of a feed document: the bytes as sent, the same bytes as the buffer every response writes (Vert.x
 * writes a duplicate of it, so it is shared without a copy per request), and their strong entity tag, quoted.
 */
public record EncodedBody(byte[] bytes, Buffer buffer, String etag) {

    static EncodedBody of(byte[] bytes) {
        return new EncodedBody(bytes, Buffer.buffer(bytes), "\"" + digest(bytes) + "\"");
    }

    /** The same bytes as another representation (another media type): a tag of its own (RFC 9110 section 8.8.3). */
    EncodedBody taggedAs(String suffix) {
        return new EncodedBody(bytes, buffer, etag.substring(0, etag.length() - 1) + "-" + suffix + "\"");
    }

    // a hash of the bytes sent: the same content gives the same tag on every instance and after every restart
    private static String digest(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
