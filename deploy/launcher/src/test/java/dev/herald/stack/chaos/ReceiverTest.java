package dev.herald.stack.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/** The chaos run's subscriber confirms verifications and remembers which topics it was last verified for. */
class ReceiverTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void confirmsASubscriptionAndItsEnd() throws Exception {
        Receiver receiver = new Receiver();
        receiver.up();
        try {
            HttpResponse<String> subscribed = verify(receiver, "subscribe", "challenge-1");
            assertEquals(200, subscribed.statusCode());
            assertEquals("challenge-1", subscribed.body());
            assertTrue(receiver.verified("http://h/feeds/atom.xml"));

            assertEquals("challenge-2", verify(receiver, "unsubscribe", "challenge-2").body());
            assertFalse(receiver.verified("http://h/feeds/atom.xml"));
        } finally {
            receiver.down();
        }
    }

    private static HttpResponse<String> verify(Receiver receiver, String mode, String challenge) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(receiver.url(Receiver.WEBSUB_PATH) + "?hub.mode=" + mode
                + "&hub.topic=http%3A%2F%2Fh%2Ffeeds%2Fatom.xml&hub.challenge=" + challenge)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
