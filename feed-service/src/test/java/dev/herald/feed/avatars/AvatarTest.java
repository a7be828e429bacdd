package dev.herald.feed.avatars;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import dev.herald.feed.AttendeesEvents;
import dev.herald.feed.ReportEvents;
import dev.herald.infra.HeraldTestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Avatars come from Herald's origin: fetched once from where a profile points, checked, and never hot-linked. */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class AvatarTest {

    // a 1x1 PNG, as a profile's image host would answer
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0,
            0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, (byte) 0xc4, (byte) 0x89};

    HttpServer source;
    final Map<String, byte[]> images = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @BeforeEach
    void startImageHost() throws IOException {
        source = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        source.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            calls.computeIfAbsent(path, any -> new AtomicInteger()).incrementAndGet();
            byte[] body = images.get(path);
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (body != null) {
                    out.write(body);
                }
            }
        });
        source.start();
    }

    @AfterEach
    void stopImageHost() {
        source.stop(0);
    }

    String at(String path) {
        return "http://127.0.0.1:" + source.getAddress().getPort() + path;
    }

    /** A person whose profile points at {@code avatar} (none when null), known once their page shows them. */
    static String person(String name, String avatar) {
        String slug = "face-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = UUID.randomUUID();
        ObjectNode person = AttendeesEvents.person(id, slug, name);
        if (avatar != null) {
            person.put("avatar", avatar);
        }
        try (AttendeesEvents events = new AttendeesEvents()) {
            events.send(AttendeesEvents.PERSON_CREATED, id, person);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/avatars/" + slug).statusCode() != 404);
        return slug;
    }

    @Test
    void anAuthorsPageShowsHeraldsCopyOfTheirImageFetchedOnce() {
        images.put("/pablo.png", PNG);
        String slug = person("Pablo Galindo", at("/pablo.png"));
        ObjectNode report = ReportEvents.report(UUID.randomUUID(), 1, "avatar-" + slug, "Avatar report " + slug,
                "2022-02-02T10:00:00Z");
        report.putObject("author").put("name", "Pablo Galindo").put("slug", slug);
        try (ReportEvents events = new ReportEvents()) {
            events.send(ReportEvents.PUBLISHED, report);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/authors/" + slug).statusCode() == 200);

        String html = given().get("/authors/" + slug).asString();
        Element image = Jsoup.parse(html).selectFirst("aside.author img");
        assertEquals("/avatars/" + slug, image.attr("src"));
        assertFalse(html.contains(source.getAddress().getPort() + "/pablo.png"), "the source is never linked");

        Response first = given().get(image.attr("src"));
        first.then().statusCode(200).contentType("image/png").header("Cache-Control", "public, max-age=86400")
                .header("X-Content-Type-Options", "nosniff");
        assertArrayEquals(PNG, first.asByteArray());
        String tag = first.header("ETag");
        given().header("If-None-Match", tag).get(image.attr("src")).then().statusCode(304).header("ETag", tag);
        given().get(image.attr("src")).then().statusCode(200);
        assertEquals(1, calls.get("/pablo.png").get(), "fetched once, then served from Herald's copy");
    }

    @Test
    void whatIsNotAnImageShowsTheInitialsInstead() {
        images.put("/page.html", "<html><script>alert(1)</script></html>".getBytes());
        images.put("/huge.png", Arrays.copyOf(PNG, 600 * 1024));
        String[] sources = {at("/page.html"), at("/huge.png"), at("/missing.png"), "http://10.255.255.1/face.png",
                "http://127.0.0.1:1/closed.png", null};
        for (String avatar : sources) {
            String slug = person("Łukasz <b>Langa</b> Ünal", avatar);
            given().get("/avatars/" + slug).then().statusCode(200).contentType("image/svg+xml")
                    .header("Cache-Control", "public, max-age=300")
                    .header("Content-Security-Policy", containsString("default-src 'none'"))
                    .body(containsString(">ŁÜ</text>"), not(containsString("<script")), not(containsString("<b>")));
        }
        assertEquals(1, calls.get("/huge.png").get(), "a failed source is not called again at once");
    }

    @Test
    void anErasedPersonHasNoAvatarAndAnUnknownOneNeverHad() {
        images.put("/erased.png", PNG);
        UUID id = UUID.randomUUID();
        String slug = "erased-" + id.toString().substring(0, 8);
        try (AttendeesEvents events = new AttendeesEvents()) {
            events.send(AttendeesEvents.PERSON_CREATED, id, AttendeesEvents.person(id, slug, "Gone Person")
                    .put("avatar", at("/erased.png")));
            await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/avatars/" + slug).statusCode() == 200);
            events.send(AttendeesEvents.PERSON_ERASED, id, AttendeesEvents.erasure(id));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/avatars/" + slug).statusCode() == 404);
        given().get("/avatars/nobody-" + UUID.randomUUID()).then().statusCode(404);
        given().get("/avatars/" + "x".repeat(1000)).then().statusCode(404);
    }
}
