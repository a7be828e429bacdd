package dev.herald.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;

/**
 * A hub's verification of intent as a subscriber's callback receives it (WebSub 5.3): a GET naming the mode, the topic
 * and, for a denial, the reason; the subscriber confirms by answering 200 with the challenge.
 */
public record WebSubVerification(String mode, String topic, String reason, String challenge) {

    public static WebSubVerification of(HttpExchange exchange) {
        Map<String, String> query = QueryString.parse(exchange.getRequestURI().getRawQuery());
        return new WebSubVerification(query.get("hub.mode"), query.get("hub.topic"), query.get("hub.reason"),
                query.getOrDefault("hub.challenge", ""));
    }

    public boolean subscribes() {
        return "subscribe".equals(mode);
    }

    /** Echoes the challenge, which confirms the subscription (or the unsubscription). */
    public void confirm(HttpExchange exchange) throws IOException {
        byte[] answer = challenge.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
        exchange.getResponseBody().write(answer);
    }
}
