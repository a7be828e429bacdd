package dev.herald.feed.legacy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.herald.feed.ReportEvents;
import dev.herald.infra.HeraldTestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class OldLinksTest {

    @ParameterizedTest
    @CsvSource({
            "/rss.xml, /feeds/rss.xml",
            "/rss.xml/, /feeds/rss.xml",
            "/feeds/posts/default, /feeds/atom.xml",
            "/feeds/posts/default/, /feeds/atom.xml",
            "/feeds/posts/default?alt=rss, /feeds/rss.xml",
            "/feeds/posts/default/?alt=rss, /feeds/rss.xml",
            "/feeds/posts/default?alt=atom, /feeds/atom.xml"})
    void oldFeedAddressesRedirectPermanently(String old, String current) {
        given().redirects().follow(false).get(old).then()
                .statusCode(301)
                .header("Location", equalTo("http://localhost:8080" + current));
    }

    @Test
    void aReportsLegacyUrlRedirectsToItsPermalink() {
        UUID id = UUID.randomUUID();
        String slug = "legacy-" + id;
        try (ReportEvents events = new ReportEvents()) {
            events.send(ReportEvents.PUBLISHED, ReportEvents.report(id, 1, slug, "Legacy", "2019-10-30"));
        }
        await().atMost(Duration.ofSeconds(30)).until(
                () -> given().redirects().follow(false).get("/2019/10/" + slug + ".html").statusCode() == 301);
        given().redirects().follow(false).get("/2019/10/" + slug + ".html?m=1").then()
                .statusCode(301)
                .header("Location", equalTo("http://localhost:8080/2019/10/" + slug));
        given().redirects().follow(false).get("/2019/10/never-" + id + ".html").then().statusCode(404);
    }

    @Test
    void anAbsoluteLegacyUrlRedirectsFromItsPath() {
        UUID id = UUID.randomUUID();
        String slug = "absolute-" + id;
        try (ReportEvents events = new ReportEvents()) {
            events.send(ReportEvents.PUBLISHED, ReportEvents.report(id, 1, slug, "Absolute", "2018-03-01")
                    .put("legacyUrl", "https://blog.example.org/2018/03/" + slug + ".html"));
        }
        await().atMost(Duration.ofSeconds(30)).until(
                () -> given().redirects().follow(false).get("/2018/03/" + slug + ".html").statusCode() == 301);
        given().redirects().follow(false).get("/2018/03/" + slug + ".html").then()
                .header("Location", equalTo("http://localhost:8080/2018/03/" + slug));
    }
}
