package dev.herald.feed.site;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.herald.feed.ReportEvents;
import dev.herald.infra.HeraldTestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Ways through the archive besides the newest reports: by year and by tag. */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class BrowsingTest {

    static Document page(String path) {
        // as a browser follows a link: the href as it is, not encoded again
        return Jsoup.parse(given().urlEncodingEnabled(false).get(path).then().statusCode(200).extract().asString());
    }

    /** The year filter's entry for {@code year}: its link, with the count beside it. */
    static Element year(Document page, String year) {
        return page.select("nav[aria-label=Archive by year] li").stream()
                .filter(item -> item.selectFirst("a").text().equals(year)).findFirst().orElseThrow();
    }

    @Test
    void aYearsArchiveIsPagedAndEveryPageOffersTheOtherYears() {
        String key = UUID.randomUUID().toString().substring(0, 8);
        try (ReportEvents events = new ReportEvents()) {
            for (int day = 1; day <= 25; day++) {
                events.send(ReportEvents.PUBLISHED, ReportEvents.report(UUID.randomUUID(), 1, "y-" + key + "-" + day,
                        "Year " + key + " day " + day, String.format("1991-03-%02dT10:00:00Z", day)));
            }
            events.send(ReportEvents.PUBLISHED, ReportEvents.report(UUID.randomUUID(), 1, "y-" + key + "-next",
                    "Year " + key + " next", "1992-01-01T10:00:00Z"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/1991?page=2").statusCode() == 200
                && given().get("/1992").statusCode() == 200);

        Document first = page("/1991");
        List<String> titles = first.select("article.card h2 a").eachText();
        assertEquals(20, titles.size());
        assertEquals("Year " + key + " day 25", titles.get(0), "newest first");
        assertEquals("/1991?page=2", first.selectFirst("nav.pager a[rel=next]").attr("href"));
        Element current = year(first, "1991");
        assertEquals("page", current.selectFirst("a").attr("aria-current"));
        assertTrue(current.text().endsWith("(25)"), current.text());
        assertEquals("/1992", year(first, "1992").selectFirst("a").attr("href"));

        Document second = page("/1991?page=2");
        assertEquals(5, second.select("article.card").size());
        assertEquals("/1991", second.selectFirst("nav.pager a[rel=prev]").attr("href"));
        assertEquals("http://localhost:8080/1991?page=2", second.selectFirst("link[rel=canonical]").attr("href"));

        assertTrue(year(page("/"), "1991").text().endsWith("(25)"), "the home page offers every year");
        for (String missing : new String[] {"/1991?page=3", "/1991?page=0", "/1991?page=-1", "/1990"}) {
            given().get(missing).then().statusCode(404);
        }
        given().get("/1991?page=abc").then().statusCode(both(greaterThanOrEqualTo(400)).and(lessThan(500)));
    }

    @Test
    void theTagIndexListsEveryTagWithItsCountMostUsedFirst() {
        String key = UUID.randomUUID().toString().substring(0, 8);
        try (ReportEvents events = new ReportEvents()) {
            for (int i = 0; i < 3; i++) {
                ObjectNode report = ReportEvents.report(UUID.randomUUID(), 1, "t-" + key + "-" + i, "Tagged " + key + " " + i,
                        "2023-06-0" + (i + 1) + "T10:00:00Z");
                report.putArray("tags").add("often-" + key).add(i == 0 ? "once <&> " + key : "often-" + key + "-too");
                events.send(ReportEvents.PUBLISHED, report);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/tags").asString().contains("once &lt;&amp;&gt; " + key));

        Document index = page("/tags");
        List<Element> items = index.select("ul.tag-index li");
        int often = position(items, "often-" + key);
        int oftenToo = position(items, "often-" + key + "-too");
        int once = position(items, "once <&> " + key);
        assertTrue(often < oftenToo && oftenToo < once, "3, then 2, then 1 report");
        assertTrue(items.get(often).text().endsWith("(3)"));
        assertTrue(items.get(once).text().endsWith("(1)"));
        String link = items.get(once).selectFirst("a").attr("href");
        assertEquals("/tags/once%20%3C%26%3E%20" + key, link);
        assertTrue(page(link).text().contains("Tagged " + key + " 0"));
        assertEquals("/tags", page("/").selectFirst("header nav a[href=/tags]").attr("href"), "the header leads to it");
    }

    private static int position(List<Element> items, String tag) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).selectFirst("a").text().equals(tag)) {
                return i;
            }
        }
        throw new AssertionError(tag + " is not in the tag index");
    }
}
