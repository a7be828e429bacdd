package dev.herald.stack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A Standard Webhooks signature checked as a receiver does: v1,base64(HMAC-SHA256(secret, id.timestamp.body)). */
public final class WebhookSignature {

    private static final String SECRET_PREFIX = "whsec_";

    private WebhookSignature() {
    }

    /**
     * Whether one of the space-separated {@code signatures} (two during a rotation) is {@code secret}'s; a secret that
     * is not {@code whsec_} and base64 is an {@link IllegalArgumentException}.
     */
    public static boolean valid(String secret, String id, String timestamp, String signatures, byte[] body) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("a secret starts with " + SECRET_PREFIX);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
            return signatures != null && List.of(signatures.split(" ")).contains(expected);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has HmacSHA256", e);
        }
    }
}
