package dev.herald.feed.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.herald.feed.ReportEvents;
import dev.herald.feed.readmodel.ReadModelChanged;
import dev.herald.infra.RestartableInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * While PostgreSQL is away, readers still get the feeds, pages and sitemaps as last rendered, even after a change dropped the
 * rendered documents (another replica's change, seen just before the outage); what was never rendered is a 503
 * with Retry-After, not a 500.
 */
@QuarkusTest
@WithTestResource(RestartableInfra.class)
class ReadsDuringDatabaseOutageTest {

    @Inject
    Event<ReadModelChanged> changed;

    @Test
    void feedsAndPagesAreServedAsLastRenderedWhileTheDatabaseIsAway() {
        String tag = ReportEvents.publishUnderNewTag("outage");
        String feed = "/tags/" + tag + "/atom.xml";
        byte[] atom = given().get(feed).asByteArray();
        String home = given().accept("text/html").get("/").then().statusCode(200).extract().asString();
        String tagPage = given().accept("text/html").get("/tags/" + tag).then().statusCode(200).extract().asString();
        byte[] sitemap = given().get("/sitemap.xml").then().statusCode(200).extract().asByteArray();

        RestartableInfra.stopDatabase();
        try {
            changed.fire(new ReadModelChanged(Long.MAX_VALUE - 1));

            assertArrayEquals(atom, given().get(feed).then().statusCode(200).extract().asByteArray());
            // the page after the last one stays "not found" without the database: the last page was known
            assertEquals(404, given().get(feed + "?page=2").statusCode());
            Response page = given().accept("text/html").get("/");
            assertEquals(200, page.statusCode());
            assertEquals(home, page.asString());
            assertEquals("no-cache", page.header("Cache-Control"));
            assertNull(page.header("ETag"));
            assertEquals(tagPage, given().accept("text/html").get("/tags/" + tag).then().statusCode(200).extract().asString());
            assertArrayEquals(sitemap, given().get("/sitemap.xml").then().statusCode(200).extract().asByteArray());

            Response neverRendered = given().accept("text/html").get("/2024");
            assertEquals(503, neverRendered.statusCode());
            assertTrue(neverRendered.contentType().startsWith("application/problem+json"), neverRendered.contentType());
            assertEquals("5", neverRendered.header("Retry-After"));
            Response neverRenderedFeed = given().get("/tags/" + tag + "/rss.xml");
            assertEquals(503, neverRenderedFeed.statusCode());
            assertEquals("5", neverRenderedFeed.header("Retry-After"));
        } finally {
            RestartableInfra.startDatabase();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().accept("text/html").get("/2024").statusCode() == 200);
        assertNotNull(given().accept("text/html").get("/").header("ETag"));
    }
}
