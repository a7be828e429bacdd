package dev.herald.attendees.person;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * Remembers who was erased without consent to keep the public record, by HMAC-SHA256 of slug and normalised name
 * under a per-installation key, so that imports refuse to re-create them until an admin lifts the erasure.
 */
@ApplicationScoped
public class ErasureRegistry {

    private final ErasureRepository erasures;
    private volatile SecretKeySpec key;

    public ErasureRegistry(ErasureRepository erasures) {
        this.erasures = erasures;
    }

    /** Inside the caller's transaction; a second erasure of the same slug only renews the tombstone. */
    public Uni<Void> record(String slug, String name) {
        return key().flatMap(k -> {
            Erasure erasure = new Erasure();
            erasure.slugHash = hmac(k, slug);
            erasure.nameHash = hmac(k, normalise(name));
            erasure.erasedAt = Instant.now();
            return erasures.getSession().flatMap(session -> session.merge(erasure)).replaceWithVoid();
        });
    }

    /** Whether someone erased had this slug or, normalised, this name. */
    public Uni<Boolean> isErased(String slug, String name) {
        return key().flatMap(k -> erasures.matches(hmac(k, slug), hmac(k, normalise(name))));
    }

    public Uni<Boolean> isErasedSlug(String slug) {
        return key().flatMap(k -> erasures.findById(hmac(k, slug))).map(erasure -> erasure != null);
    }

    /** Removes the tombstone of this slug and tells whether there was one. */
    public Uni<Boolean> lift(String slug) {
        return key().flatMap(k -> erasures.deleteById(hmac(k, slug)));
    }

    /** Case, accents, punctuation and spacing vary between lists that name the same person. */
    private static String normalise(String name) {
        String bare = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return bare.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private Uni<SecretKeySpec> key() {
        if (key != null) {
            return Uni.createFrom().item(key);
        }
        return erasures.key().map(secret -> key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    private static String hmac(SecretKeySpec key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
