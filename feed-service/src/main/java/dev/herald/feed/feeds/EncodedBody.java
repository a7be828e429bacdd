package dev.herald.feed.feeds;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** One content coding of a feed document: the bytes as sent and their strong entity tag, quoted. */
public record EncodedBody(byte[] bytes, String etag) {

    static EncodedBody of(byte[] bytes) {
        return new EncodedBody(bytes, "\"" + digest(bytes) + "\"");
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
