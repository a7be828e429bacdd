package dev.herald.feed.site;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.herald.feed.AttendeesEvents;
import dev.herald.feed.ReportEvents;
import dev.herald.infra.HeraldTestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What crawlers and link previews read: robots.txt, descriptions, canonical URLs, Open Graph, Twitter cards, JSON-LD. */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class SharingTest {

    static final String BASE = "http://localhost:8080";
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void robotsTxtLetsCrawlersReadThePagesAndNamesTheSitemap() {
        given().get("/robots.txt").then().statusCode(200).contentType(containsString("text/plain"))
                .body(equalTo("User-agent: *\nDisallow: /api/\nDisallow: /search\n\nSitemap: " + BASE + "/sitemap.xml\n"));
        given().get("/sitemap.xml").then().statusCode(200);
    }

    @Test
    void aReportPageDescribesItselfForPreviewsAndSearchEngines() throws Exception {
        String key = UUID.randomUUID().toString().substring(0, 8);
        String slug = "share-" + key;
        String title = "Quotes \"double\" 'single' <b> & </script><script>alert(1)</script> " + key;
        ObjectNode report = ReportEvents.report(UUID.randomUUID(), 1, slug, title, "2021-03-04T10:00:00Z");
        report.put("html", "<p>Body</p>").put("summary", "What happened at the sprint & after");
        report.put("updatedDate", "2021-03-05T11:00:00Z");
        report.putArray("tags").add("sprint").add("packaging");
        report.putObject("author").put("name", "Pablo Galindo").put("slug", "author-" + key);
        try (ReportEvents events = new ReportEvents()) {
            events.send(ReportEvents.PUBLISHED, report);
        }
        String url = BASE + "/2021/03/" + slug;
        String html = page("/2021/03/" + slug);
        Document page = Jsoup.parse(html, BASE);

        assertEquals(title, meta(page, "og:title"));
        assertEquals(title, name(page, "twitter:title"));
        assertEquals("What happened at the sprint & after", name(page, "description"));
        assertEquals("What happened at the sprint & after", meta(page, "og:description"));
        assertEquals(url, page.select("link[rel=canonical]").attr("href"));
        assertEquals(url, meta(page, "og:url"));
        assertEquals("article", meta(page, "og:type"));
        assertEquals("Herald", meta(page, "og:site_name"));
        assertEquals(BASE + "/assets/" + slug + "/photo.jpeg", meta(page, "og:image"));
        assertEquals("summary_large_image", name(page, "twitter:card"));
        assertEquals("2021-03-04T10:00:00Z", meta(page, "article:published_time"));
        assertEquals("2021-03-05T11:00:00Z", meta(page, "article:modified_time"));
        assertEquals(BASE + "/authors/author-" + key, meta(page, "article:author"));
        // the attribute holds the title escaped, and nothing of it became markup
        assertTrue(html.contains("<meta property=\"og:title\" content=\"Quotes &quot;double&quot; &#39;single&#39; "
                + "&lt;b&gt; &amp; &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; " + key + "\">"), html);
        assertFalse(html.contains("<script>alert(1)"));

        Elements scripts = page.select("script[type=application/ld+json]");
        assertEquals(1, scripts.size());
        String data = scripts.first().data();
        assertFalse(data.contains("<"), data);
        JsonNode posting = JSON.readTree(data);
        assertEquals("https://schema.org", posting.path("@context").asText());
        assertEquals("BlogPosting", posting.path("@type").asText());
        assertEquals(title, posting.path("headline").asText());
        assertEquals("What happened at the sprint & after", posting.path("description").asText());
        assertEquals(url, posting.path("url").asText());
        assertEquals("2021-03-04T10:00:00Z", posting.path("datePublished").asText());
        assertEquals("2021-03-05T11:00:00Z", posting.path("dateModified").asText());
        assertEquals("Person", posting.path("author").path("@type").asText());
        assertEquals("Pablo Galindo", posting.path("author").path("name").asText());
        assertEquals(BASE + "/authors/author-" + key, posting.path("author").path("url").asText());
        assertEquals(BASE + "/assets/" + slug + "/photo.jpeg", posting.path("image").asText());
        assertEquals("sprint, packaging", posting.path("keywords").asText());
    }

    @Test
    void aReportWithoutImageOrSummaryHasASmallCardAndItsTextAsDescription() throws Exception {
        String key = UUID.randomUUID().toString().substring(0, 8);
        String slug = "plain-" + key;
        ObjectNode report = ReportEvents.report(UUID.randomUUID(), 1, slug, "Plain " + key, "2021-03-04T10:00:00Z");
        report.put("html", "<p>The <em>first</em> day.</p>").put("summary", "");
        report.putArray("images");
        try (ReportEvents events = new ReportEvents()) {
            events.send(ReportEvents.PUBLISHED, report);
        }
        Document page = Jsoup.parse(page("/2021/03/" + slug), BASE);

        assertTrue(page.select("meta[property=og:image]").isEmpty());
        assertEquals("summary", name(page, "twitter:card"));
        assertEquals("The first day.", name(page, "description"));
        JsonNode posting = JSON.readTree(page.select("script[type=application/ld+json]").first().data());
        assertFalse(posting.has("image"));
    }

    @Test
    void otherPagesAreWebsitesWithADescriptionAndTheirCanonicalUrl() {
        Document home = Jsoup.parse(given().get("/").then().statusCode(200).extract().asString(), BASE);
        assertEquals("website", meta(home, "og:type"));
        assertEquals(BASE + "/", home.select("link[rel=canonical]").attr("href"));
        assertEquals(BASE + "/", meta(home, "og:url"));
        assertEquals("Reports of community gatherings: sprints, summits and the people who make them.",
                name(home, "description"));
        assertEquals("summary", name(home, "twitter:card"));
        assertTrue(home.select("meta[property=og:image], meta[property^=article:]").isEmpty());
        assertTrue(home.select("script[type=application/ld+json]").isEmpty());

        String tag = ReportEvents.publishUnderNewTag("shared");
        Document tagPage = Jsoup.parse(given().get("/tags/" + tag).then().statusCode(200).extract().asString(), BASE);
        assertEquals(BASE + "/tags/" + tag, tagPage.select("link[rel=canonical]").attr("href"));
        assertEquals("Reports tagged " + tag + " on Herald.", name(tagPage, "description"));
        assertEquals("Reports tagged " + tag, meta(tagPage, "og:title"));

        Document missing = Jsoup.parse(given().get("/no/such/page").then().statusCode(404).extract().asString(), BASE);
        assertFalse(name(missing, "description").isBlank());
    }

    @Test
    void anEventPageCarriesItsEventAsJsonLd() throws Exception {
        String key = UUID.randomUUID().toString().substring(0, 8);
        UUID eventId = UUID.randomUUID();
        String name = "Sprint </script> \"" + key + "\"";
        ObjectNode event = AttendeesEvents.event(eventId, "sprint-" + key, name, "sprint", "2019-09-09", "2019-09-13")
                .put("venue", "Bloomberg").put("city", "London");
        try (AttendeesEvents attendees = new AttendeesEvents()) {
            attendees.send(AttendeesEvents.EVENT_CREATED, eventId, event);
        }
        String path = "/events/sprint-" + key;
        Document page = Jsoup.parse(page(path), BASE);

        assertEquals("website", meta(page, "og:type"));
        assertEquals(BASE + path, meta(page, "og:url"));
        assertEquals("Reports about " + name + ", sprint on 2019-09-09 – 2019-09-13 at Bloomberg, London.",
                name(page, "description"));
        JsonNode data = JSON.readTree(page.select("script[type=application/ld+json]").first().data());
        assertEquals("Event", data.path("@type").asText());
        assertEquals(name, data.path("name").asText());
        assertEquals("2019-09-09", data.path("startDate").asText());
        assertEquals("2019-09-13", data.path("endDate").asText());
        assertEquals("Place", data.path("location").path("@type").asText());
        assertEquals("Bloomberg", data.path("location").path("name").asText());
        assertEquals("London", data.path("location").path("address").asText());
        assertEquals(BASE + path, data.path("url").asText());
    }

    private static String page(String path) {
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get(path).statusCode() == 200);
        return given().get(path).then().statusCode(200).extract().asString();
    }

    private static String meta(Document page, String property) {
        Elements found = page.select("meta[property=" + property + "]");
        assertEquals(1, found.size(), property);
        return found.attr("content");
    }

    private static String name(Document page, String name) {
        Elements found = page.select("meta[name=" + name + "]");
        assertEquals(1, found.size(), name);
        return found.attr("content");
    }
}
