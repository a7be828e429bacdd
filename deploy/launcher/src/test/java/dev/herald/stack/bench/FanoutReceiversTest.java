package dev.herald.stack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class FanoutReceiversTest {

    private static final String REPORT = "0bf09543-4f0e-4a3c-9d7e-5a1f3c2b1a00";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String secret = "whsec_" + Base64.getEncoder().encodeToString(randomKey());

    @Test
    void countsSignedDeliveriesOfTheReportOncePerReceiver() throws Exception {
        try (FanoutReceivers receivers = FanoutReceivers.start(3)) {
            for (int i = 0; i < 3; i++) {
                receivers.secret(i, secret);
            }
            receivers.expect(REPORT);

            deliver(receivers.url(0), "msg_1", published(REPORT), secret);
            deliver(receivers.url(1), "msg_1", published(REPORT), secret);
            deliver(receivers.url(1), "msg_1", published(REPORT), secret);
            deliver(receivers.url(2), "msg_1", published(REPORT), "whsec_" + Base64.getEncoder().encodeToString(new byte[32]));
            deliver(receivers.url(2), "msg_2", published("another-report"), secret);

            assertEquals(2, receivers.received(), "receivers 0 and 1 have the report");
            assertEquals(1, receivers.duplicated(), "receiver 1 had it twice");
            assertEquals(2, receivers.unexpected(), "a bad signature and another report");
            assertEquals(1, receivers.messageIds());
            assertEquals(0, receivers.arrivals()[2], "receiver 2 has nothing it expected");
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static String published(String report) {
        return "{\"type\":\"report.published\",\"data\":{\"id\":\"" + report + "\"}}";
    }

    /** Signed as the Standard Webhooks convention says, written from it rather than from Herald's code. */
    private void deliver(String url, String id, String body, String key) throws Exception {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(key.substring("whsec_".length())), "HmacSHA256"));
        String signature = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("webhook-id", id).header("webhook-timestamp", timestamp).header("webhook-signature", signature)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(204, response.statusCode());
    }
}
