package dev.herald.feed.search;

import static dev.herald.infra.Management.management;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.herald.feed.AttendeesEvents;
import dev.herald.feed.ReportEvents;
import dev.herald.infra.HeraldTestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Full-text search of the site (/search) and for clients (/api/search) over the read model. */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class SearchTest {

    static final String BASE = "http://localhost:8080";
    static final Random RANDOM = new Random();

    @Test
    void aTitleHitRanksAboveABodyHit() {
        String word = word();
        publish(report("Body " + word(), "<p>Somewhere in the text: " + word + ".</p>"));
        publish(report("All about " + word, "<p>Nothing else.</p>"));

        JsonPath found = awaitTotal(word, 2);
        assertEquals("All about " + word, found.getString("items[0].title"));
        assertTrue(found.getFloat("items[0].rank") > found.getFloat("items[1].rank"));
    }

    @Test
    void wordsAreStemmedInEnglish() {
        String key = word();
        publish(report("Week " + key, "<p>We sprint all week long.</p>"));

        assertEquals(1, awaitTotal("sprinting " + key, 1).getList("items").size());
        assertEquals(1, total("sprints " + key));
    }

    @Test
    void aQuotedPhraseMatchesOnlyItsWordsInOrder() {
        String key = word();
        publish(report("Phrase " + key, "<p>An open source summit.</p>"));
        publish(report("Words " + key, "<p>The source of the summit was open.</p>"));

        awaitTotal("open source " + key, 2);
        JsonPath phrase = search("\"open source\" " + key);
        assertEquals(1, phrase.getInt("total"));
        assertEquals("Phrase " + key, phrase.getString("items[0].title"));
    }

    @Test
    void theLastWordMatchesAsAPrefix() {
        String key = word();
        publish(report("Prefix " + key, "<p>Talks on asyncio and typing.</p>"));

        awaitTotal(key + " asyn", 1);
        assertEquals(0, total("asyn " + key), "only the last word is a prefix");
        assertEquals(1, total(key.substring(0, 6)), "a prefix of the key itself");
        // English stems a cut word as if whole ("parsy" to "parsi"), which prefixes nothing: the typed letters still match
        publish(report("Stemmed " + key, "<p>The " + key + "parsytree.</p>"));
        assertEquals(1, awaitTotal(key + "parsy", 1).getInt("total"));
    }

    @Test
    void tagsAuthorsAndEventNamesAreSearched() {
        String tag = word();
        String author = word();
        String eventWord = word();
        String eventSlug = "event-" + eventWord;
        ObjectNode event = AttendeesEvents.event(UUID.randomUUID(), eventSlug, "The " + eventWord + " Summit", "sprint",
                "2019-09-09", "2019-09-13");
        try (AttendeesEvents attendees = new AttendeesEvents()) {
            attendees.send(AttendeesEvents.EVENT_CREATED, UUID.fromString(event.get("id").asText()), event);
        }
        ObjectNode report = report("Tagged, authored, at an event", "<p>Plain.</p>");
        report.putArray("tags").add(tag);
        report.putObject("author").put("name", "Ada " + author).put("slug", "ada-" + author);
        report.putObject("event").put("slug", eventSlug);
        publish(report);

        awaitTotal(tag, 1);
        JsonPath byAuthor = awaitTotal(author, 1);
        assertEquals("Ada " + author, byAuthor.getString("items[0].author"));
        awaitTotal(eventWord + " summit", 1);
    }

    @Test
    void snippetsMarkTheHitsAndEscapeTheText() {
        String word = word();
        ObjectNode report = report("Markup", "<p>Write &lt;b&gt;" + word + "&lt;/b&gt; for AT&amp;T &amp; \"friends\" <b>bold</b>;"
                + " &lt;script&gt;alert(1)&lt;/script&gt;.</p>");
        publish(report);

        String snippet = awaitTotal(word, 1).getString("items[0].snippet");
        assertTrue(snippet.contains("<mark>" + word + "</mark>"), snippet);
        assertTrue(snippet.contains("AT&amp;T &amp; &quot;friends&quot;"), snippet);
        assertFalse(snippet.contains("<b>") || snippet.contains("<script"), snippet);

        Element result = page("/search?q=" + word).selectFirst("article.result");
        Element shown = result.selectFirst("p.snippet");
        assertEquals(List.of(word), shown.select("mark").eachText(), shown.html());
        assertEquals(0, shown.select("b, script").size());
        assertTrue(shown.text().contains("AT&T & \"friends\""), shown.text());
        assertEquals("/2024/05/" + report.get("slug").asText(), result.selectFirst("h2 a").attr("href"));
        assertEquals("Markup", result.selectFirst("h2 a").text());
    }

    @Test
    void resultsArePagedWithTheirTotal() {
        String word = word();
        for (int i = 0; i < 23; i++) {
            publish(report("Paged " + i, "<p>" + word + "</p>"));
        }
        awaitTotal(word, 23);

        Document first = page("/search?q=" + word);
        assertEquals(20, first.select("article.result").size());
        assertEquals("23 reports match " + word + ".", first.selectFirst("p.search-summary").text());
        assertEquals("/search?q=" + word + "&page=2", first.selectFirst("nav.pager a[rel=next]").attr("href"));
        Document second = page("/search?q=" + word + "&page=2");
        assertEquals(3, second.select("article.result").size());
        assertEquals("/search?q=" + word, second.selectFirst("nav.pager a[rel=prev]").attr("href"));
        assertTrue(second.select("nav.pager a[rel=next]").isEmpty());

        JsonPath api = given().queryParam("q", word).queryParam("page", 2).queryParam("size", 10).get("/api/search")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(3, api.getList("items").size());
        assertEquals(2, api.getInt("page"));
        assertEquals(10, api.getInt("size"));
        assertEquals(23, api.getInt("total"));
    }

    @Test
    void theJsonFormNeedsNoTokenAndDescribesEachResult() {
        String word = word();
        ObjectNode report = report("Json " + word, "<p>Body.</p>");
        publish(report);

        JsonPath found = awaitTotal(word, 1);
        assertEquals(0, found.getInt("page"));
        assertEquals(20, found.getInt("size"));
        assertEquals("Json " + word, found.getString("items[0].title"));
        assertEquals(BASE + "/2024/05/" + report.get("slug").asText(), found.getString("items[0].url"));
        assertEquals("2024-05-01T00:00:00Z", found.getString("items[0].publishedAt"));
        assertEquals("Pablo Galindo", found.getString("items[0].author"));
        assertTrue(found.getFloat("items[0].rank") > 0);
        assertTrue(found.getString("items[0].snippet").contains("Body."));
    }

    @Test
    void anUnpublishedReportLeavesTheResults() {
        String word = word();
        ObjectNode report = report("Gone " + word, "<p>Soon gone.</p>");
        publish(report);
        awaitTotal(word, 1);

        try (ReportEvents events = new ReportEvents()) {
            events.send(ReportEvents.UNPUBLISHED, ReportEvents.unpublished(UUID.fromString(report.get("id").asText()), 2,
                    report.get("slug").asText()));
        }
        awaitTotal(word, 0);
        assertEquals("No reports match " + word + ". Try fewer or other words.",
                page("/search?q=" + word).selectFirst("p.search-summary").text());
    }

    @Test
    void anEmptyQueryShowsTheSearchForm() {
        Document page = page("/search");
        Element form = page.selectFirst("main form[role=search]");
        assertEquals("/search", form.attr("action"));
        assertEquals("Search reports", page.selectFirst("label[for=" + form.selectFirst("input[name=q]").id() + "]").text());
        assertTrue(page.select("article.result, p.search-summary").isEmpty());
    }

    @Test
    void everyPageHasASearchBoxInItsHeader() {
        Document home = page("/");
        Element form = home.selectFirst("header form[role=search]");
        assertEquals("/search", form.attr("action"));
        Element input = form.selectFirst("input[name=q]");
        assertEquals("Search", form.selectFirst("label[for=" + input.id() + "]").text());
    }

    @Test
    void theApiIsDocumentedWithItsParameters() {
        JsonPath openApi = management().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        List<String> parameters = openApi.getList("paths.'/api/search'.get.parameters.name");
        assertTrue(parameters.containsAll(List.of("q", "page", "size")), String.valueOf(parameters));
    }

    static Stream<Arguments> hostileQueries() {
        return Stream.of(
                Arguments.of("", null),
                Arguments.of("a".repeat(5_000), null),
                Arguments.of("x".repeat(201), null),
                Arguments.of("'; drop table report; --", null),
                Arguments.of("<script>alert(1)</script>", null),
                Arguments.of("bell\u0007and\ttab", null),
                Arguments.of("\u0007", null),
                Arguments.of("the and of", null),
                Arguments.of("!!! ??? ... :* & | <->", null),
                Arguments.of("unclosed \"quote", null),
                Arguments.of("sprint", "0"),
                Arguments.of("sprint", "-1"),
                Arguments.of("sprint", "abc"),
                Arguments.of("sprint", "99999999999"),
                Arguments.of("sprint", "2147483647"));
    }

    @ParameterizedTest
    @MethodSource("hostileQueries")
    void theSearchPageAnswersEveryQueryWithAPage(String q, String page) {
        var request = given().queryParam("q", q);
        if (page != null) {
            request.queryParam("page", page);
        }
        Document shown = Jsoup.parse(request.get("/search").then().statusCode(200).extract().asString(), BASE);
        assertTrue(shown.select("main script, main b").isEmpty());
        String echoed = shown.selectFirst("main input[name=q]").val();
        assertEquals(q.replaceAll("\\p{Cc}", " ").strip(), echoed);
        if (q.length() > 200) {
            assertTrue(shown.selectFirst("p.search-summary").text().contains("longer than 200 characters"));
        }
    }

    @ParameterizedTest
    @MethodSource("hostileQueries")
    void theApiAnswersEveryQueryOrNamesTheField(String q, String page) {
        var request = given().queryParam("q", q);
        if (page != null) {
            request.queryParam("page", page);
        }
        Response response = request.get("/api/search");
        String field = q.isBlank() || q.strip().equals("\u0007") || q.length() > 200 ? "q"
                : page != null && !"0".equals(page) ? "page" : null;
        if (field == null) {
            assertEquals(200, response.statusCode(), response.asString());
            assertTrue(response.jsonPath().getLong("total") >= 0);
        } else {
            assertEquals(400, response.statusCode(), response.asString());
            assertTrue(response.contentType().startsWith("application/problem+json"));
            assertEquals(field, response.jsonPath().getString("errors[0].field"), response.asString());
        }
    }

    @Test
    void aNulIsRefusedNamingTheQueryLikeAnyQueryParameter() {
        for (String path : new String[] {"/api/search?q=nul%00byte", "/search?q=%00", "/feeds/atom.xml?x=%00"}) {
            Response response = given().urlEncodingEnabled(false).get(path);
            assertEquals(400, response.statusCode(), path);
            assertTrue(response.contentType().startsWith("application/problem+json"), path);
            assertEquals(path.contains("x=") ? "x" : "q", response.jsonPath().getString("errors[0].field"), path);
        }
    }

    /** A word of letters only, unlike any other in the shared database. */
    static String word() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }

    static ObjectNode report(String title, String html) {
        String slug = "search-" + word();
        ObjectNode report = ReportEvents.report(UUID.randomUUID(), 1, slug, title, "2024-05-01T00:00:00Z");
        report.put("html", html).put("summary", "");
        report.putArray("tags");
        report.putArray("images");
        report.putNull("event");
        return report;
    }

    static void publish(ObjectNode report) {
        try (ReportEvents events = new ReportEvents()) {
            events.send(ReportEvents.PUBLISHED, report);
        }
    }

    static JsonPath search(String q) {
        return given().queryParam("q", q).get("/api/search").then().statusCode(200).extract().jsonPath();
    }

    static int total(String q) {
        return search(q).getInt("total");
    }

    static JsonPath awaitTotal(String q, int total) {
        await().atMost(Duration.ofSeconds(30)).until(() -> total(q) == total);
        return search(q);
    }

    static Document page(String path) {
        return Jsoup.parse(given().get(path).then().statusCode(200).extract().asString(), BASE);
    }
}
