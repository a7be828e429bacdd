package dev.herald.feed.site;

import static dev.herald.feed.FeedChecks.wellFormed;
import static dev.herald.infra.Management.management;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.herald.feed.ReportEvents;
import dev.herald.infra.HeraldTestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

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

        // the index names the site's pages and a sitemap per year, each within the protocol's 50,000 URLs
        Document index = wellFormed(given().get("/sitemap.xml").then().statusCode(200)
                .contentType(containsString("application/xml")).extract().asByteArray());
        assertEquals(SITEMAPS, index.getDocumentElement().getNamespaceURI());
        assertEquals("sitemapindex", index.getDocumentElement().getLocalName());
        List<String> sitemaps = texts(index, "loc");
        assertTrue(sitemaps.contains(BASE + "/sitemaps/pages.xml"), sitemaps.toString());
        assertTrue(sitemaps.contains(BASE + "/sitemaps/2019-1.xml"), sitemaps.toString());
        texts(index, "lastmod").forEach(SiteTest::assertW3cDateTime);
        Document pages = wellFormed(given().get("/sitemaps/pages.xml").then().statusCode(200).extract().asByteArray());
        assertEquals("urlset", pages.getDocumentElement().getLocalName());
        assertTrue(texts(pages, "loc").containsAll(List.of(BASE + "/", BASE + "/2019")));

        ExtractableResponse<Response> year = given().get("/sitemaps/2019-1.xml").then().statusCode(200)
                .contentType(containsString("application/xml")).header("Last-Modified", notNullValue())
                .header("Cache-Control", "public, max-age=300").extract();
        Document urlset = wellFormed(year.asByteArray());
        assertEquals(SITEMAPS, urlset.getDocumentElement().getNamespaceURI());
        assertEquals("urlset", urlset.getDocumentElement().getLocalName());
        assertTrue(texts(urlset, "loc").contains(BASE + permalink));
        assertTrue(texts(urlset, "loc").size() <= 50_000);
        texts(urlset, "lastmod").forEach(SiteTest::assertW3cDateTime);
        String etag = year.header("ETag");
        given().header("If-None-Match", etag).get("/sitemaps/2019-1.xml").then().statusCode(304);
        given().header("If-Modified-Since", year.header("Last-Modified")).get("/sitemaps/2019-1.xml").then().statusCode(304);
        given().get("/sitemaps/2019-2.xml").then().statusCode(404);
        given().get("/sitemaps/1890-1.xml").then().statusCode(404);

        // cached until the read model changes: a new report of 2019 is listed, under a new tag
        String later = "site-later-" + key;
        try (ReportEvents events = new ReportEvents()) {
            events.send(ReportEvents.PUBLISHED, ReportEvents.report(UUID.randomUUID(), 1, later, "Later " + key,
                    "2019-11-02T09:00:00Z"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/sitemaps/2019-1.xml").asString()
                .contains("<loc>" + BASE + "/2019/11/" + later + "</loc>"));
        given().header("If-None-Match", etag).get("/sitemaps/2019-1.xml").then().statusCode(200);
    }

    static final String SITEMAPS = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static List<String> texts(Document document, String name) {
        NodeList nodes = document.getElementsByTagNameNS(SITEMAPS, name);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    // W3C Datetime as sitemaps.org asks: a full date and time with seconds in UTC
    private static void assertW3cDateTime(String value) {
        assertTrue(value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z"), value);
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
