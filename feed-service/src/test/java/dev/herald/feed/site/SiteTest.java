package dev.herald.feed.site;

import static dev.herald.feed.FeedChecks.wellFormed;
import static dev.herald.infra.Management.management;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.herald.feed.ReportEvents;
import dev.herald.infra.HeraldTestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class SiteTest {

    static final String BASE = "http://localhost:8080";

    @Test
    void aReportHasItsPageAndIsListedOnItsTagAuthorAndEventPages() throws Exception {
        String key = UUID.randomUUID().toString().substring(0, 8);
        String slug = "site-" + key;
        ObjectNode report = ReportEvents.report(UUID.randomUUID(), 1, slug, "Sprint <week> " + key, "2019-10-30T09:00:00Z");
        report.putArray("tags").add("tag-" + key);
        report.putObject("author").put("name", "Łukasz Langa").put("slug", "author-" + key);
        report.putObject("event").put("slug", "event-" + key);
        try (ReportEvents events = new ReportEvents()) {
            events.send(ReportEvents.PUBLISHED, report);
        }
        String permalink = "/2019/10/" + slug;
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get(permalink).statusCode() == 200);

        given().get(permalink).then().statusCode(200).contentType(containsString("text/html"))
                .body(startsWith("<!DOCTYPE html>"))
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("<h1>Sprint &lt;week&gt; " + key + "</h1>"))
                .body(containsString("<img src=\"/assets/" + slug + "/photo.jpeg\" alt=\"Photo\">"))
                .body(containsString("<a href=\"/authors/author-" + key + "\" rel=\"author\">Łukasz Langa</a>"))
                .body(containsString("<a href=\"/events/event-" + key + "\">"))
                .body(containsString("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Herald (Atom)\" href=\""
                        + BASE + "/feeds/atom.xml\">"));
        given().get("/tags/tag-" + key).then().statusCode(200)
                .body(containsString("<a href=\"" + permalink + "\">"))
                .body(containsString("href=\"" + BASE + "/tags/tag-" + key + "/atom.xml\""));
        given().get("/authors/author-" + key).then().statusCode(200)
                .body(containsString("Reports by Łukasz Langa"))
                .body(containsString("href=\"" + BASE + "/authors/author-" + key + "/rss.xml\""));
        given().get("/events/event-" + key).then().statusCode(200)
                .body(containsString("href=\"" + BASE + "/events/event-" + key + "/feed.json\""));
        given().get("/").then().statusCode(200).body(containsString("Latest reports"))
                .body(containsString("type=\"application/rss+xml\""));

        // the year's archive itself: BrowsingTest
        given().get("/2019").then().statusCode(200).body(containsString("<h1>Reports of 2019</h1>"));
        given().get(permalink).then().body(containsString("<a href=\"/2019\"><time datetime=\"2019-10-30T09:00:00Z\">"));

        byte[] sitemap = given().get("/sitemap.xml").then().statusCode(200).contentType(containsString("xml"))
                .body(containsString("<loc>" + BASE + permalink + "</loc>")).extract().asByteArray();
        wellFormed(sitemap);
    }

    @Test
    void unknownAddressesAnswerA404Page() {
        given().get("/2019/10/no-such-report").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("Page not found"))
                .body(containsString("type=\"application/atom+xml\""));
        given().get("/tags/no-such-tag-" + UUID.randomUUID()).then().statusCode(404);
        given().get("/?page=999").then().statusCode(404);
        given().get("/1890").then().statusCode(404);
        given().get("/no/such/page/at/all").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("Page not found"));
        given().get("/feeds/feed.xsl").then().statusCode(200);
        management().get("/q/health/live").then().statusCode(200);
        given().get("/").then().statusCode(200).body(not(containsString("Page not found")));
    }
}
