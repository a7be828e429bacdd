package dev.herald.stack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Checks a webhook as a Standard Webhooks receiver does, with the subscription's {@code whsec_} secret. */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    /**
     * Whether one of the space-separated {@code signatures} is {@code v1,base64(HMAC-SHA256(key, id.timestamp.body))}.
     *
     * @throws IllegalArgumentException when the secret is not {@code whsec_} and base64
     */
    public static boolean valid(String secret, String id, String timestamp, String signatures, byte[] body) {
        if (!secret.startsWith("whsec_")) {
            throw new IllegalArgumentException("a secret starts with whsec_");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
            return signatures != null && List.of(signatures.split(" ")).contains(expected);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
