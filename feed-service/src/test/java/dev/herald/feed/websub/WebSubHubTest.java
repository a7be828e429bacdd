package dev.herald.feed.websub;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.herald.feed.ReportEvents;
import dev.herald.feed.websub.Subscriber.Distribution;
import dev.herald.infra.HeraldTestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * The hub as WebSub subscribers meet it: real callbacks on loopback that echo the challenge and record what the hub
 * sends, publications arriving on reports.events, and the signature checked here from the specification.
 */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class WebSubHubTest {

    static final String BASE = "http://localhost:8080";
    static final String HUB = BASE + "/websub";
    static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;

    private static final HttpClient HTTP_1_1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/websub")
    URI hub;

    private final List<Subscriber> subscribers = new ArrayList<>();

    @AfterEach
    void closeSubscribers() {
        // their subscriptions end with them, so that later publications do not retry into closed ports
        subscribers.forEach(subscriber -> {
            pool.preparedQuery("delete from websub_subscription where callback = $1").execute(Tuple.of(subscriber.callback()))
                    .await().atMost(WAIT);
            subscriber.close();
        });
        subscribers.clear();
    }

    @Test
    void aVerifiedSubscriberGetsEachChangeSignedUntilItUnsubscribes() throws Exception {
        String tag = unique("websub");
        UUID id = UUID.randomUUID();
        String feed = "/tags/" + tag + "/atom.xml";
        String topic = BASE + feed;
        publish(ReportEvents.PUBLISHED, id, 1, tag, "First " + tag);
        awaitPage(feed);
        Subscriber subscriber = subscriber();
        Subscriber unsigned = subscriber();
        String secret = "secret-" + UUID.randomUUID();

        hub(form("subscribe", subscriber, topic, "hub.secret", secret, "hub.lease_seconds", "600")).then().statusCode(202);
        hub(form("subscribe", unsigned, topic)).then().statusCode(202);

        Map<String, String> verification = await().atMost(WAIT).until(() -> subscriber.verifications("subscribe"),
                found -> !found.isEmpty()).get(0);
        assertEquals(topic, verification.get("hub.topic"));
        assertEquals("600", verification.get("hub.lease_seconds"));
        assertFalse(verification.get("hub.challenge").isBlank());
        assertEquals(String.valueOf(subscriber.port()), verification.get("subscriber"), "the callback's own query is kept");
        await().atMost(WAIT).until(() -> stored(subscriber, topic) && stored(unsigned, topic));
        String sealed = column("secret", subscriber, topic);
        assertFalse(sealed.contains(secret), "the secret is stored sealed");

        publish(ReportEvents.UPDATED, id, 2, tag, "Second " + tag);
        Distribution distribution = await().atMost(WAIT).until(() -> subscriber.distributions, found -> !found.isEmpty()).get(0);
        byte[] current = given().get(feed).then().statusCode(200).extract().asByteArray();
        assertArrayEquals(current, distribution.body(), "the distribution is the topic's current document");
        assertTrue(new String(distribution.body(), StandardCharsets.UTF_8).contains("Second " + tag));
        assertEquals("application/atom+xml; charset=utf-8", distribution.header("Content-Type"));
        assertEquals("<" + HUB + ">; rel=\"hub\", <" + topic + ">; rel=\"self\"", distribution.header("Link"));
        assertEquals("sha256=" + hmacSha256Hex(secret, distribution.body()), distribution.header("X-Hub-Signature"));
        await().atMost(WAIT).until(() -> unsigned.distributions.size() == 1);
        assertNull(unsigned.distributions.get(0).header("X-Hub-Signature"));

        hub(form("unsubscribe", subscriber, topic)).then().statusCode(202);
        Map<String, String> unsubscribe = await().atMost(WAIT).until(() -> subscriber.verifications("unsubscribe"),
                found -> !found.isEmpty()).get(0);
        assertEquals(topic, unsubscribe.get("hub.topic"));
        assertFalse(unsubscribe.containsKey("hub.lease_seconds"));
        await().atMost(WAIT).until(() -> !stored(subscriber, topic));

        publish(ReportEvents.UPDATED, id, 3, tag, "Third " + tag);
        // the change that reached the other subscriber was committed with every distribution it queued
        await().atMost(WAIT).until(() -> unsigned.distributions.size() == 2);
        assertEquals(1, subscriber.distributions.size());
    }

    @Test
    void aLapsedLeaseEndsDistributionsAndARenewalBeforeExpiryKeepsThem() {
        String tag = unique("lease");
        UUID id = UUID.randomUUID();
        String topic = BASE + "/tags/" + tag + "/rss.xml";
        publish(ReportEvents.PUBLISHED, id, 1, tag, "Leased " + tag);
        awaitPage("/tags/" + tag + "/rss.xml");
        Subscriber lapsing = subscriber();
        Subscriber renewing = subscriber();

        hub(form("subscribe", lapsing, topic, "hub.lease_seconds", "1")).then().statusCode(202);
        hub(form("subscribe", renewing, topic, "hub.lease_seconds", "4")).then().statusCode(202);
        await().atMost(WAIT).until(() -> stored(lapsing, topic) && stored(renewing, topic));
        assertEquals("1", lapsing.verifications("subscribe").get(0).get("hub.lease_seconds"));
        Instant firstExpiry = expiry(renewing, topic);

        hub(form("subscribe", renewing, topic, "hub.lease_seconds", "600")).then().statusCode(202);
        await().atMost(WAIT).until(() -> expiry(renewing, topic).isAfter(firstExpiry));
        assertEquals("600", renewing.verifications("subscribe").get(1).get("hub.lease_seconds"));
        assertEquals(1L, count("select count(*) from websub_subscription where callback = $1", renewing.callback()));

        await().atMost(WAIT).until(() -> Instant.now().isAfter(firstExpiry.plusMillis(200)));
        publish(ReportEvents.UPDATED, id, 2, tag, "Leased again " + tag);
        await().atMost(WAIT).until(() -> renewing.distributions.size() == 1);
        assertEquals(0, lapsing.distributions.size());
        // and the lapsed one is purged (every 2 s in the test profile)
        await().atMost(WAIT).until(() -> !stored(lapsing, topic));
        assertTrue(stored(renewing, topic));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://elsewhere.example/feeds/atom.xml", BASE + "/2019", BASE + "/feeds/atom.xml?page=2",
            BASE + "/feeds/archive/2019-02/atom.xml", BASE + "/feeds/feed.xsl", BASE + "/tags/no-such-tag-for-websub/atom.xml",
            BASE + "/events/no-such-event-for-websub"})
    void aTopicHeraldDoesNotServeIsDenied(String topic) {
        Subscriber subscriber = subscriber();

        hub(form("subscribe", subscriber, topic)).then().statusCode(202);

        Map<String, String> denial = await().atMost(WAIT).until(() -> subscriber.verifications("denied"),
                found -> !found.isEmpty()).get(0);
        assertEquals(topic, denial.get("hub.topic"));
        assertFalse(denial.getOrDefault("hub.reason", "").isBlank());
        assertTrue(subscriber.verifications("subscribe").isEmpty());
        assertFalse(stored(subscriber, topic));
    }

    @ParameterizedTest
    @ValueSource(strings = {"another challenge", "the challenge with a 404"})
    void aCallbackThatDoesNotEchoTheChallengeIsNotSubscribed(String answer) {
        Subscriber subscriber = answer.equals("another challenge") ? subscriber().echoing(challenge -> "x" + challenge)
                : subscriber().verifyingWith(404);
        String topic = BASE + "/feeds/feed.json";

        hub(form("subscribe", subscriber, topic)).then().statusCode(202);

        await().atMost(WAIT).until(() -> !subscriber.verifications("subscribe").isEmpty());
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> !stored(subscriber, topic));
    }

    static Stream<Arguments> badRequests() {
        String topic = BASE + "/feeds/atom.xml";
        return Stream.of(
                Arguments.of("no hub.mode", FORM, List.of("hub.callback={callback}", "hub.topic=" + topic), "hub.mode"),
                Arguments.of("hub.mode publish", FORM, List.of("hub.mode=publish", "hub.callback={callback}",
                        "hub.topic=" + topic), "hub.mode"),
                Arguments.of("hub.mode twice", FORM, List.of("hub.mode=subscribe", "hub.mode=unsubscribe",
                        "hub.callback={callback}", "hub.topic=" + topic), "hub.mode"),
                Arguments.of("no hub.callback", FORM, List.of("hub.mode=subscribe", "hub.topic=" + topic), "hub.callback"),
                Arguments.of("a relative callback", FORM, List.of("hub.mode=subscribe", "hub.callback=/callback",
                        "hub.topic=" + topic), "hub.callback"),
                Arguments.of("an ftp callback", FORM, List.of("hub.mode=subscribe", "hub.callback=ftp://127.0.0.1/cb",
                        "hub.topic=" + topic), "hub.callback"),
                Arguments.of("a callback with user info", FORM, List.of("hub.mode=subscribe",
                        "hub.callback=http://user:password@127.0.0.1:{port}/cb", "hub.topic=" + topic), "hub.callback"),
                Arguments.of("no hub.topic", FORM, List.of("hub.mode=subscribe", "hub.callback={callback}"), "hub.topic"),
                Arguments.of("a topic that is no URL", FORM, List.of("hub.mode=subscribe", "hub.callback={callback}",
                        "hub.topic=feeds/atom.xml"), "hub.topic"),
                Arguments.of("a lease in words", FORM, List.of("hub.mode=subscribe", "hub.callback={callback}",
                        "hub.topic=" + topic, "hub.lease_seconds=ten"), "hub.lease_seconds"),
                Arguments.of("a negative lease", FORM, List.of("hub.mode=subscribe", "hub.callback={callback}",
                        "hub.topic=" + topic, "hub.lease_seconds=-5"), "hub.lease_seconds"),
                Arguments.of("a secret of 200 bytes", FORM, List.of("hub.mode=subscribe", "hub.callback={callback}",
                        "hub.topic=" + topic, "hub.secret=" + "s".repeat(200)), "hub.secret"),
                Arguments.of("a JSON body", "application/json", List.of("hub.mode=subscribe", "hub.callback={callback}",
                        "hub.topic=" + topic), "Content-Type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void aBadRequestIsRefusedNamingTheFieldAndKeepsNothing(String name, String contentType, List<String> fields,
            String field) throws Exception {
        Subscriber subscriber = subscriber();
        String body = fields.stream().map(pair -> {
            String value = pair.substring(pair.indexOf('=') + 1).replace("{callback}", subscriber.callback())
                    .replace("{port}", String.valueOf(subscriber.port()));
            return pair.substring(0, pair.indexOf('=')) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        }).collect(Collectors.joining("&"));

        Response response = given().contentType(contentType).body(body).post("/websub");

        assertEquals(400, response.statusCode(), response.asString());
        assertEquals("application/problem+json", response.contentType());
        JsonNode problem = JSON.readTree(response.asString());
        List<String> named = new ArrayList<>();
        problem.get("errors").forEach(error -> named.add(error.get("field").asText()));
        assertTrue(named.contains(field), named.toString());
        assertTrue(subscriber.verifications.isEmpty());
        assertEquals(0L, count("select count(*) from websub_subscription where callback like $1",
                "%:" + subscriber.port() + "/%"));
    }

    @Test
    void aBodyPastTheLimitIsRefusedWithoutAnErrorInTheLog() throws Exception {
        // anyone may post to the hub: each such body logged two errors with stack traces, and 10 MB were read
        List<LogRecord> errors = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            byte[] body = ("hub.mode=subscribe&hub.topic=" + "t".repeat(600_000)).getBytes(StandardCharsets.US_ASCII);
            HttpResponse<String> chunked = HTTP_1_1.send(HttpRequest.newBuilder(hub)
                    .header("Content-Type", FORM)
                    .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                    .build(), BodyHandlers.ofString());
            assertEquals(413, chunked.statusCode());
            given().contentType(FORM).body(new String(body, StandardCharsets.US_ASCII)).post("/websub").then()
                    .statusCode(413);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(errors::isEmpty);
        } finally {
            root.removeHandler(capture);
        }
    }

    @Test
    void aCallbackHostHoldsAtMostTheConfiguredNumberOfSubscriptions() {
        // the test profile allows 3 per host
        Subscriber subscriber = subscriber();
        List<String> granted = List.of(BASE + "/feeds/atom.xml", BASE + "/feeds/rss.xml", BASE + "/feeds/feed.json");
        for (String topic : granted) {
            hub(form("subscribe", subscriber, topic)).then().statusCode(202);
            await().atMost(WAIT).until(() -> stored(subscriber, topic));
        }

        hub(form("subscribe", subscriber, BASE + "/")).then().statusCode(202);
        Map<String, String> denial = await().atMost(WAIT).until(() -> subscriber.verifications("denied"),
                found -> !found.isEmpty()).get(0);
        assertEquals(BASE + "/", denial.get("hub.topic"));
        assertTrue(denial.get("hub.reason").contains("host"), denial.get("hub.reason"));
        assertFalse(stored(subscriber, BASE + "/"));

        // a renewal is no further subscription
        hub(form("subscribe", subscriber, granted.get(0), "hub.lease_seconds", "900")).then().statusCode(202);
        await().atMost(WAIT).until(() -> subscriber.verifications("subscribe").size() == 4);
        assertEquals(3L, count("select count(*) from websub_subscription where callback = $1", subscriber.callback()));
    }

    @Test
    void everyFeedAndListingPageAdvertisesTheHubAndItselfAndCanBeSubscribedTo() throws Exception {
        String key = unique("adv");
        ObjectNode report = ReportEvents.report(UUID.randomUUID(), 1, "report-" + key, "Advertised " + key,
                "2019-10-30T09:00:00Z");
        report.putArray("tags").add("tag-" + key);
        report.putObject("author").put("name", "Ada Lovelace").put("slug", "author-" + key);
        report.putObject("event").put("slug", "event-" + key);
        try (ReportEvents events = new ReportEvents()) {
            events.send(ReportEvents.PUBLISHED, report);
        }
        awaitPage("/tags/tag-" + key);
        List<String> pages = List.of("/", "/tags/tag-" + key, "/authors/author-" + key, "/events/event-" + key);
        List<String> topics = new ArrayList<>();
        for (String page : pages) {
            Response response = given().accept("text/html").get(page).then().statusCode(200).extract().response();
            String self = BASE + page;
            assertEquals("<" + HUB + ">; rel=\"hub\", <" + self + ">; rel=\"self\"", response.header("Link"), page);
            Document html = Jsoup.parse(response.asString());
            assertEquals(HUB, html.select("head link[rel=hub]").attr("href"), page);
            assertEquals(self, html.select("head link[rel=self]").attr("href"), page);
            topics.add(self);
        }
        for (String base : List.of("/feeds", "/tags/tag-" + key, "/authors/author-" + key, "/events/event-" + key)) {
            for (String file : List.of("atom.xml", "rss.xml", "feed.json")) {
                String self = BASE + base + "/" + file;
                Response response = given().get(base + "/" + file).then().statusCode(200).extract().response();
                String link = response.header("Link");
                assertTrue(link.contains("<" + HUB + ">; rel=\"hub\"") && link.contains("<" + self + ">; rel=\"self\""), link);
                String document = response.asString();
                assertTrue(file.equals("feed.json") ? JSON.readTree(document).at("/hubs/0/url").asText().equals(HUB)
                        : document.contains("rel=\"hub\" href=\"" + HUB + "\""), self);
                topics.add(self);
            }
        }
        // a report page and a later page are not topics and say nothing of the hub
        Response reportPage = given().get("/2019/10/report-" + key).then().statusCode(200).extract().response();
        assertNull(reportPage.header("Link"));
        assertTrue(Jsoup.parse(reportPage.asString()).select("link[rel=hub]").isEmpty());

        // one subscriber per topic: the test profile allows three per host
        Map<String, Subscriber> subscribers = new LinkedHashMap<>();
        for (String topic : topics) {
            Subscriber subscriber = subscriber();
            subscribers.put(topic, subscriber);
            hub(form("subscribe", subscriber, topic)).then().statusCode(202);
        }
        subscribers.forEach((topic, subscriber) -> await().atMost(WAIT).until(() -> stored(subscriber, topic)));
    }

    @Test
    void aListingPageTopicGetsThePageAsTheSiteServesIt() {
        String tag = unique("page");
        UUID id = UUID.randomUUID();
        String page = "/tags/" + tag;
        publish(ReportEvents.PUBLISHED, id, 1, tag, "Paged " + tag);
        awaitPage(page);
        Subscriber subscriber = subscriber();
        hub(form("subscribe", subscriber, BASE + page)).then().statusCode(202);
        await().atMost(WAIT).until(() -> stored(subscriber, BASE + page));

        publish(ReportEvents.UPDATED, id, 2, tag, "Paged and renamed " + tag);

        Distribution distribution = await().atMost(WAIT).until(() -> subscriber.distributions, found -> !found.isEmpty()).get(0);
        Response served = given().get(page).then().statusCode(200).extract().response();
        assertEquals(served.asString(), new String(distribution.body(), StandardCharsets.UTF_8));
        assertTrue(served.asString().contains("Paged and renamed " + tag));
        assertEquals("text/html", served.contentType().split(";")[0]);
        assertEquals("text/html;charset=utf-8", distribution.header("Content-Type").replace(" ", "").toLowerCase());
        assertEquals("<" + HUB + ">; rel=\"hub\", <" + BASE + page + ">; rel=\"self\"", distribution.header("Link"));
    }

    @Test
    void aSubscriberAnsweringGoneIsUnsubscribed() {
        String tag = unique("gone");
        UUID id = UUID.randomUUID();
        String topic = BASE + "/tags/" + tag + "/feed.json";
        publish(ReportEvents.PUBLISHED, id, 1, tag, "Gone " + tag);
        awaitPage("/tags/" + tag + "/feed.json");
        Subscriber subscriber = subscriber().distributionsAnswering(410);
        hub(form("subscribe", subscriber, topic)).then().statusCode(202);
        await().atMost(WAIT).until(() -> stored(subscriber, topic));

        publish(ReportEvents.UPDATED, id, 2, tag, "Gone again " + tag);

        await().atMost(WAIT).until(() -> subscriber.distributions.size() == 1);
        await().atMost(WAIT).until(() -> !stored(subscriber, topic));
    }

    private Subscriber subscriber() {
        Subscriber subscriber = new Subscriber();
        subscribers.add(subscriber);
        return subscriber;
    }

    static Map<String, String> form(String mode, Subscriber subscriber, String topic, String... more) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("hub.mode", mode);
        form.put("hub.callback", subscriber.callback());
        form.put("hub.topic", topic);
        for (int i = 0; i < more.length; i += 2) {
            form.put(more[i], more[i + 1]);
        }
        return form;
    }

    static Response hub(Map<String, String> form) {
        return given().contentType(FORM).formParams(form).post("/websub");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void publish(String type, UUID id, long revision, String tag, String title) {
        ObjectNode report = ReportEvents.report(id, revision, "report-" + id, title, "2019-10-30T09:00:00Z");
        report.putArray("tags").add(tag);
        try (ReportEvents events = new ReportEvents()) {
            events.send(type, report);
        }
    }

    static void awaitPage(String path) {
        await().atMost(WAIT).until(() -> given().get(path).statusCode() == 200);
    }

    boolean stored(Subscriber subscriber, String topic) {
        return count("select count(*) from websub_subscription where callback = $1 and topic = $2",
                subscriber.callback(), topic) == 1;
    }

    Instant expiry(Subscriber subscriber, String topic) {
        return pool.preparedQuery("select expires_at from websub_subscription where callback = $1 and topic = $2")
                .execute(Tuple.of(subscriber.callback(), topic)).await().atMost(WAIT)
                .iterator().next().getOffsetDateTime(0).toInstant();
    }

    String column(String column, Subscriber subscriber, String topic) {
        return pool.preparedQuery("select " + column + " from websub_subscription where callback = $1 and topic = $2")
                .execute(Tuple.of(subscriber.callback(), topic)).await().atMost(WAIT)
                .iterator().next().getString(0);
    }

    long count(String sql, Object... parameters) {
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(WAIT).iterator().next().getLong(0);
    }

    /** HMAC-SHA256 of the body with the subscriber's secret, hex: what WebSub 8 says a subscriber checks. */
    static String hmacSha256Hex(String secret, byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
