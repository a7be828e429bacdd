package dev.herald.content.report;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** An uploaded image, its type sniffed from its bytes. */
public record StoredFile(byte[] bytes, String mediaType, String sha256) {

    public static StoredFile of(byte[] bytes, String mediaType) {
        try {
            return new StoredFile(bytes, mediaType, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
