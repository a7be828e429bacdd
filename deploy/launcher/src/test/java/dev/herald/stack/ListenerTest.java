package dev.herald.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.herald.infra.FreePorts;

/** {@code ./herald listen} confirms a hub's verification of intent, as a subscriber must for deliveries to start. */
class ListenerTest {

    @Test
    void answersAVerificationWithItsChallenge() throws Exception {
        int port = FreePorts.pick();
        HttpServer listener = Listener.start(port, null);
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port + "/websub?hub.mode=subscribe&hub.topic=http%3A%2F%2Fh%2Ffeeds%2Fatom.xml"
                            + "&hub.challenge=c%20h%26a&hub.lease_seconds=86400")).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(200, answer.statusCode());
            assertEquals("c h&a", answer.body());
        } finally {
            listener.stop(0);
        }
    }
}
