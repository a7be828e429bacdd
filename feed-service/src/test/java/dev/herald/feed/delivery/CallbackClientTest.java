package dev.herald.feed.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.vertx.core.Vertx;

/** What the callback client refuses to call in the production configuration, where nothing is allowed. */
class CallbackClientTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://localhost:8080/hook", "http://127.0.0.1/", "http://127.1/", "http://0.0.0.0/", "http://[::1]/",
            "http://10.0.0.1/", "http://172.16.5.4/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data",
            "http://100.64.0.1/", "http://[fd00::1]/", "http://[fe80::1]/", "http://224.0.0.1/", "http://[::ffff:127.0.0.1]/",
            "http://[::127.0.0.1]/", "http://2130706433/", "http://0x7f000001/" })
    void addressesThatAreNotPublicAreRefused(String url) {
        RefusedAddressException refused = assertThrows(RefusedAddressException.class,
                () -> client(List.of()).check(url).await().atMost(WAIT));
        assertTrue(refused.getMessage().matches(".*(address|resolve|host).*"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://example.org/", "file:///etc/passwd", "http://user:pw@example.org/", "/relative",
            "http:///nohost", "http://example.org/#fragment", "gopher://127.0.0.1:25/", "not a url" })
    void urlsThatAreNotPlainHttpAreRefused(String url) {
        assertThrows(RefusedAddressException.class, () -> client(List.of()).check(url).await().atMost(WAIT));
    }

    @Test
    void aPostToARefusedAddressIsNeverSent() {
        var refused = assertThrows(RefusedAddressException.class, () -> client(List.of())
                .post(new OutgoingRequest("http://localhost:9/", Map.of(), new byte[0])).await().atMost(WAIT));
        assertEquals("localhost resolves to 127.0.0.1, a loopback address", refused.getMessage());
        var literal = assertThrows(RefusedAddressException.class, () -> client(List.of())
                .check("http://169.254.169.254/latest/meta-data/").await().atMost(WAIT));
        assertEquals("169.254.169.254 is a link-local address", literal.getMessage());
    }

    @Test
    void theAllowListOpensExactlyItsNetworks() {
        CallbackClient client = client(List.of("127.0.0.0/8", "10.1.0.0/16"));
        client.check("http://127.0.0.1:8080/").await().atMost(WAIT);
        client.check("http://10.1.2.3/").await().atMost(WAIT);
        assertThrows(RefusedAddressException.class, () -> client.check("http://10.2.0.1/").await().atMost(WAIT));
        assertThrows(RefusedAddressException.class, () -> client.check("http://[::1]/").await().atMost(WAIT));
    }

    private static CallbackClient client(List<String> allow) {
        DeliveryConfig config = new DeliveryConfig() {
            public Duration attemptTimeout() {
                return Duration.ofSeconds(2);
            }

            public List<Duration> retrySchedule() {
                return List.of();
            }

            public double jitter() {
                return 0;
            }

            public int maxInFlight() {
                return 8;
            }

            public int maxPerHost() {
                return 2;
            }

            public Duration pollInterval() {
                return Duration.ofSeconds(1);
            }

            public Duration retention() {
                return Duration.ofDays(1);
            }

            public Optional<List<String>> allow() {
                return Optional.of(allow);
            }

            public String secretKey() {
                return "";
            }
        };
        return new CallbackClient(vertx, new AddressPolicy(config), config);
    }
}
