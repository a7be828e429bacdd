package dev.herald.feed.http;

import static dev.herald.feed.FeedChecks.assertValidAtom;
import static dev.herald.feed.FeedChecks.rome;
import static dev.herald.feed.FeedChecks.wellFormed;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;

import dev.herald.feed.ReportEvents;
import dev.herald.infra.HeraldTestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class FeedHttpTest {

    static final String BASE = "http://localhost:8080";
    // HTTP/1.1, as feed readers and proxies speak it: the precompressed bytes reach the client as they are
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final HttpClient HTTP2 = HttpClient.newHttpClient();
    static ReportEvents events;

    @BeforeAll
    static void producer() {
        events = new ReportEvents();
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void aPublishedReportReachesAllThreeFeedsWithFullContentAndAbsoluteUrls() throws Exception {
        String tag = unique("tag");
        UUID id = UUID.randomUUID();
        // published now, so that it is also on the first page of the feed of all reports
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String permalink = DateTimeFormatter.ofPattern("/yyyy/MM/").format(now.atOffset(ZoneOffset.UTC)) + "sprint-" + id;
        ObjectNode report = ReportEvents.report(id, 1, "sprint-" + id, "Core sprint", now.toString());
        report.putArray("tags").add(tag);
        events.send(ReportEvents.PUBLISHED, report);

        byte[] atom = awaitFeed("/tags/" + tag + "/atom.xml").header("Content-Type", "application/atom+xml; charset=utf-8")
                .extract().asByteArray();
        assertValidAtom(atom);
        SyndEntry atomEntry = rome(atom).getEntries().get(0);
        assertEquals("urn:uuid:" + id, atomEntry.getUri());
        assertEquals(BASE + permalink, atomEntry.getLink());
        assertTrue(atomEntry.getContents().get(0).getValue().contains("src=\"" + BASE + "/assets/sprint-" + id + "/photo.jpeg\""));
        assertEquals("Summary of Core sprint", atomEntry.getDescription().getValue());
        assertEquals("Pablo Galindo", atomEntry.getAuthor());
        assertTrue(new String(atom, StandardCharsets.UTF_8).contains("<link rel=\"hub\" href=\"" + BASE + "/websub\"/>"));

        byte[] rss = given().get("/tags/" + tag + "/rss.xml").then().statusCode(200)
                .header("Content-Type", "application/rss+xml; charset=utf-8").extract().asByteArray();
        SyndFeed rssFeed = rome(rss);
        assertEquals("rss_2.0", rssFeed.getFeedType());
        assertEquals("urn:uuid:" + id, rssFeed.getEntries().get(0).getUri());
        assertTrue(rssFeed.getEntries().get(0).getContents().get(0).getValue().contains(BASE + "/assets/sprint-" + id));
        assertEquals(BASE + "/assets/sprint-" + id + "/photo.jpeg", rssFeed.getEntries().get(0).getEnclosures().get(0).getUrl());

        JsonNode json = new ObjectMapper().readTree(given().get("/tags/" + tag + "/feed.json").then().statusCode(200)
                .header("Content-Type", "application/feed+json; charset=utf-8").extract().asByteArray());
        assertEquals("https://jsonfeed.org/version/1.1", json.get("version").asText());
        assertEquals(BASE + "/tags/" + tag + "/feed.json", json.get("feed_url").asText());
        assertEquals("urn:uuid:" + id, json.at("/items/0/id").asText());
        assertEquals("Summary of Core sprint", json.at("/items/0/summary").asText());
        assertTrue(json.at("/items/0/content_html").asText().contains(BASE + "/assets/"));
        assertEquals(now.toString(), json.at("/items/0/date_published").asText());

        awaitFeed("/authors/pablo-galindo/atom.xml");
        awaitFeed("/events/core-sprint-2019/rss.xml");
        assertTrue(given().get("/feeds/atom.xml").then().statusCode(200).extract().asString().contains("urn:uuid:" + id));
    }

    @Test
    void anEditChangesUpdatedAndNeverTheId() throws Exception {
        String tag = unique("edit");
        UUID id = UUID.randomUUID();
        ObjectNode first = ReportEvents.report(id, 1, "draft-title-" + id, "First title", "2020-01-10T10:00:00Z");
        first.putArray("tags").add(tag);
        events.send(ReportEvents.PUBLISHED, first);
        awaitFeed("/tags/" + tag + "/atom.xml");

        ObjectNode edited = ReportEvents.report(id, 2, "better-title-" + id, "Better title", "2020-01-10T10:00:00Z");
        edited.putArray("tags").add(tag);
        edited.put("updatedDate", "2020-02-01T12:30:00Z");
        events.send(ReportEvents.UPDATED, edited);

        byte[] atom = await().atMost(Duration.ofSeconds(30)).until(
                () -> given().get("/tags/" + tag + "/atom.xml").then().extract().asByteArray(),
                bytes -> new String(bytes, StandardCharsets.UTF_8).contains("Better title"));
        SyndFeed feed = rome(atom);
        assertEquals(1, feed.getEntries().size());
        assertEquals("urn:uuid:" + id, feed.getEntries().get(0).getUri());
        assertEquals(Instant.parse("2020-02-01T12:30:00Z"), feed.getEntries().get(0).getUpdatedDate().toInstant());
        assertEquals(Instant.parse("2020-01-10T10:00:00Z"), feed.getEntries().get(0).getPublishedDate().toInstant());
    }

    @Test
    void unpublishRemovesTheReportFromEveryFeed() {
        String tag = unique("gone");
        UUID id = UUID.randomUUID();
        ObjectNode report = ReportEvents.report(id, 1, "gone-" + id, "Soon gone", "2021-03-01");
        report.putArray("tags").add(tag);
        events.send(ReportEvents.PUBLISHED, report);
        awaitFeed("/tags/" + tag + "/rss.xml");

        events.send(ReportEvents.UNPUBLISHED, ReportEvents.unpublished(id, 2, "gone-" + id));

        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/tags/" + tag + "/rss.xml").statusCode() == 404);
        assertFalse(given().get("/feeds/feed.json").then().statusCode(200).extract().asString().contains(id.toString()));
    }

    @Test
    void pollsRevalidateWithEtagOrDateAndAreCompressed() {
        String tag = unique("poll");
        ObjectNode report = ReportEvents.report(UUID.randomUUID(), 1, unique("poll"), "Polled", "2021-04-01T08:00:00Z");
        report.putArray("tags").add(tag);
        report.put("updatedDate", "2021-04-02T09:30:00Z");
        events.send(ReportEvents.PUBLISHED, report);
        ExtractableResponse<Response> first = awaitFeed("/tags/" + tag + "/atom.xml")
                .header("ETag", notNullValue())
                .header("Last-Modified", equalTo("Fri, 02 Apr 2021 09:30:00 GMT"))
                .header("Cache-Control", equalTo("public, max-age=300"))
                .header("Content-Encoding", equalTo("gzip"))
                .extract();
        String etag = first.header("ETag");
        assertTrue(etag.startsWith("\"") && !etag.startsWith("W/"), "a strong validator: " + etag);

        // a 304 carries what the 200 would have for caches (RFC 9110 15.4.5): the tag, freshness and its Vary; not
        // the hub's Link, which a reader found on the 200
        given().header("If-None-Match", etag).get("/tags/" + tag + "/atom.xml").then()
                .statusCode(304).header("ETag", etag).header("Cache-Control", equalTo("public, max-age=300"))
                .header("Vary", equalTo("Accept, Accept-Encoding")).header("Link", nullValue());
        given().header("If-Modified-Since", "Fri, 02 Apr 2021 09:30:00 GMT").get("/tags/" + tag + "/atom.xml").then()
                .statusCode(304);
        given().header("If-None-Match", "\"something-else\"").get("/tags/" + tag + "/atom.xml").then().statusCode(200);
        // GET compares weakly (RFC 9110 13.1.2): a copy a gzipping proxy marked weak still revalidates
        given().header("If-None-Match", "\"other\", W/" + etag).get("/tags/" + tag + "/atom.xml").then().statusCode(304);
        given().header("If-None-Match", "*").get("/tags/" + tag + "/atom.xml").then().statusCode(304);
        given().head("/tags/" + tag + "/atom.xml").then().statusCode(200).header("ETag", etag);
        given().header("If-Modified-Since", "Thu, 01 Apr 2021 00:00:00 GMT").get("/tags/" + tag + "/atom.xml").then()
                .statusCode(200);
        assertEquals(etag, given().get("/tags/" + tag + "/atom.xml").header("ETag"), "the same bytes, the same tag");
    }

    @Test
    void browsersGetTheFeedsAsXmlUnderTagsOfTheirOwn() throws Exception {
        String tag = unique("view");
        ObjectNode report = ReportEvents.report(UUID.randomUUID(), 1, unique("view"), "Viewed", "2021-07-01T08:00:00Z");
        report.putArray("tags").add(tag);
        events.send(ReportEvents.PUBLISHED, report);
        String chromium = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
        String reader = "application/atom+xml, application/rss+xml;q=0.9, application/xml;q=0.8, */*;q=0.1";
        for (String file : new String[] {"atom.xml", "rss.xml"}) {
            String path = "/tags/" + tag + "/" + file;
            String feedType = file.equals("atom.xml") ? "application/atom+xml; charset=utf-8"
                    : "application/rss+xml; charset=utf-8";
            awaitFeed(path);
            ExtractableResponse<Response> browser = given().header("Accept", chromium).get(path).then().statusCode(200)
                    .header("Content-Type", "application/xml; charset=utf-8")
                    .header("Vary", "Accept, Accept-Encoding").extract();
            ExtractableResponse<Response> feed = given().header("Accept", reader).get(path).then().statusCode(200)
                    .header("Content-Type", feedType).header("Vary", "Accept, Accept-Encoding").extract();
            given().get(path).then().header("Content-Type", feedType);
            given().header("Accept", "text/html;q=0.5, application/atom+xml, application/rss+xml").get(path).then()
                    .header("Content-Type", feedType);
            assertArrayEquals(feed.asByteArray(), browser.asByteArray(), "the same document");
            String browserTag = browser.header("ETag");
            assertNotEquals(feed.header("ETag"), browserTag);
            given().header("Accept", chromium).header("If-None-Match", browserTag).get(path).then().statusCode(304)
                    .header("ETag", browserTag);
            given().header("Accept", reader).header("If-None-Match", browserTag).get(path).then().statusCode(200)
                    .header("Content-Type", feedType);
            given().header("Accept", reader).header("If-None-Match", feed.header("ETag")).get(path).then().statusCode(304);
            given().header("Accept", chromium).head(path).then().statusCode(200).header("ETag", browserTag)
                    .header("Content-Type", "application/xml; charset=utf-8");
        }
        given().header("Accept", chromium).get("/tags/" + tag + "/feed.json").then().statusCode(200)
                .header("Content-Type", "application/feed+json; charset=utf-8");
    }

    @Test
    void gzipAndIdentityAreTwoRepresentationsWithTheirOwnStrongTags() throws Exception {
        String tag = unique("coding");
        ObjectNode report = ReportEvents.report(UUID.randomUUID(), 1, unique("coding"), "Encoded", "2021-06-01T08:00:00Z");
        report.putArray("tags").add(tag);
        events.send(ReportEvents.PUBLISHED, report);
        String path = "/tags/" + tag + "/atom.xml";
        awaitFeed(path);

        // java.net.http neither asks for nor decodes gzip: the bytes on the wire, as a cache stores them
        HttpResponse<byte[]> identity = raw(path, null, null);
        HttpResponse<byte[]> gzip = raw(path, "gzip", null);
        assertEquals(200, identity.statusCode());
        assertEquals(200, gzip.statusCode());
        assertTrue(identity.headers().firstValue("Content-Encoding").isEmpty());
        assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElseThrow());
        assertEquals("Accept, Accept-Encoding", identity.headers().firstValue("Vary").orElseThrow());
        assertEquals("Accept, Accept-Encoding", gzip.headers().firstValue("Vary").orElseThrow());
        String identityTag = identity.headers().firstValue("ETag").orElseThrow();
        String gzipTag = gzip.headers().firstValue("ETag").orElseThrow();
        assertTrue(identityTag.startsWith("\"") && gzipTag.startsWith("\""), "strong validators: " + identityTag + " " + gzipTag);
        assertNotEquals(identityTag, gzipTag, "a strong tag changes with the content coding (RFC 9110 8.8.3)");
        try (InputStream decoded = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
            assertArrayEquals(identity.body(), decoded.readAllBytes());
        }
        assertValidAtom(identity.body());

        assertEquals(304, raw(path, null, identityTag).statusCode());
        HttpResponse<byte[]> gzip304 = raw(path, "gzip, deflate, br", gzipTag);
        assertEquals(304, gzip304.statusCode());
        assertEquals(gzipTag, gzip304.headers().firstValue("ETag").orElseThrow());
        // only the tag of the representation the request selects matches (RFC 9110 13.1.2)
        assertEquals(200, raw(path, null, gzipTag).statusCode());
        HttpResponse<byte[]> crossed = raw(path, "gzip", identityTag);
        assertEquals(200, crossed.statusCode());
        assertEquals(gzipTag, crossed.headers().firstValue("ETag").orElseThrow());
        assertArrayEquals(gzip.body(), crossed.body(), "compressed once per rendered feed, the same bytes every time");
        // refused or less preferred gzip gives identity
        assertEquals(identityTag, raw(path, "gzip;q=0, br", null).headers().firstValue("ETag").orElseThrow());
        assertEquals(identityTag, raw(path, "identity, gzip;q=0.5", null).headers().firstValue("ETag").orElseThrow());
        assertEquals(gzipTag, raw(path, "*", null).headers().firstValue("ETag").orElseThrow());

        // over HTTP/2 Vert.x compresses on the fly: the same content, other bytes, so the weak form of the gzip tag
        HttpResponse<byte[]> http2 = HTTP2.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept-Encoding", "gzip")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(HttpClient.Version.HTTP_2, http2.version());
        assertEquals("W/" + gzipTag, http2.headers().firstValue("ETag").orElseThrow());
        try (InputStream decoded = new GZIPInputStream(new ByteArrayInputStream(http2.body()))) {
            assertArrayEquals(identity.body(), decoded.readAllBytes());
        }
        assertEquals(304, HTTP2.send(HttpRequest.newBuilder(URI.create(url(path))).header("Accept-Encoding", "gzip")
                .header("If-None-Match", "W/" + gzipTag).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    void longFeedsArePagedAndArchivedByMonthWithBoundariesThatNeverShift() throws Exception {
        String event = unique("summit");
        UUID march15 = null;
        for (int i = 1; i <= 45; i++) {
            UUID id = UUID.randomUUID();
            ObjectNode report = ReportEvents.report(id, 1, event + "-" + i, "Talk " + i,
                    String.format("2022-05-%02dT10:00:00Z", i % 28 + 1));
            // every second day from 3 January: Talk 1-15 in January, 16-29 February, 30-44 March, 45 April
            report.put("publishDate", Instant.parse("2022-01-01T10:00:00Z").plus(Duration.ofDays(2L * i)).toString());
            report.put("updatedDate", report.get("publishDate").asText());
            report.putObject("event").put("slug", event);
            events.send(ReportEvents.PUBLISHED, report);
            if (i == 35) {
                march15 = id;
            }
        }
        String base = "/events/" + event;
        // all 45 in: page 3 exists from the 41st on, and the partitions are consumed independently
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var lastPage = given().get(base + "/atom.xml?page=3");
            return lastPage.statusCode() == 200 && rome(lastPage.asByteArray()).getEntries().size() == 5;
        });

        byte[] current = given().get(base + "/atom.xml").then().statusCode(200).extract().asByteArray();
        assertValidAtom(current);
        String currentText = new String(current, StandardCharsets.UTF_8);
        assertEquals(20, rome(current).getEntries().size());
        assertTrue(currentText.contains("<link rel=\"next\" href=\"" + BASE + base + "/atom.xml?page=2\""), currentText);
        assertTrue(currentText.contains("<link rel=\"last\" href=\"" + BASE + base + "/atom.xml?page=3\""));
        // the newest report's month: prev-archive from the subscription document reaches every report
        assertTrue(currentText.contains("<link rel=\"prev-archive\" href=\"" + BASE + base + "/archive/2022-04/atom.xml\""));
        assertTrue(currentText.contains("Talk 45"));
        assertEquals(5, rome(given().get(base + "/atom.xml?page=3").then().statusCode(200).extract().asByteArray())
                .getEntries().size());
        given().get(base + "/atom.xml?page=4").then().statusCode(404);
        // a page that is no number is the reader's mistake, named, not a missing page
        for (String page : new String[] {"abc", "-1", "1234567", "2%20OR%201=1"}) {
            given().urlEncodingEnabled(false).get(base + "/atom.xml?page=" + page).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("page"))
                    .body("instance", equalTo(base + "/atom.xml"));
        }
        JsonNode json = new ObjectMapper().readTree(given().get(base + "/feed.json").asByteArray());
        assertEquals(BASE + base + "/feed.json?page=2", json.get("next_url").asText());

        byte[] january = given().get(base + "/archive/2022-01/atom.xml").then().statusCode(200)
                .header("Cache-Control", "public, max-age=86400").header("ETag", notNullValue())
                .extract().asByteArray();
        assertValidAtom(january);
        String januaryText = new String(january, StandardCharsets.UTF_8);
        assertTrue(januaryText.contains("<fh:archive"));
        assertEquals(15, rome(january).getEntries().size());
        assertTrue(januaryText.contains("Talk 1<") && januaryText.contains("Talk 15<") && !januaryText.contains("Talk 16<"));
        assertFalse(januaryText.contains("rel=\"prev-archive\""));
        assertTrue(januaryText.contains("<link rel=\"next-archive\" href=\"" + BASE + base + "/archive/2022-02/atom.xml\""));
        assertTrue(januaryText.contains("<link rel=\"current\" href=\"" + BASE + base + "/atom.xml\""));
        String february = archive(base, "2022-02");
        assertTrue(february.contains("<link rel=\"prev-archive\" href=\"" + BASE + base + "/archive/2022-01/atom.xml\""));
        assertTrue(february.contains("<link rel=\"next-archive\" href=\"" + BASE + base + "/archive/2022-03/atom.xml\""));
        String april = archive(base, "2022-04");
        assertTrue(april.contains("<link rel=\"prev-archive\" href=\"" + BASE + base + "/archive/2022-03/atom.xml\""));
        assertFalse(april.contains("rel=\"next-archive\""));
        assertTrue(april.contains("Talk 45<"));
        given().get(base + "/archive/2021-12/atom.xml").then().statusCode(404);
        // the numbered archives of before have no stable mapping to months
        given().get(base + "/archive/1/atom.xml").then().statusCode(404);

        String[] months = {"2022-01", "2022-02", "2022-03", "2022-04"};
        String[] tags = etags(base, months);
        // a back-dated report lands in its month; every other archive keeps its bytes and its tag
        ObjectNode late = ReportEvents.report(UUID.randomUUID(), 1, event + "-late", "Talk late", "2022-05-01T10:00:00Z");
        late.put("publishDate", "2022-02-10T12:00:00Z");
        late.put("updatedDate", "2022-02-10T12:00:00Z");
        late.putObject("event").put("slug", event);
        events.send(ReportEvents.PUBLISHED, late);
        await().atMost(Duration.ofSeconds(30)).until(() -> archive(base, "2022-02").contains("Talk late<"));
        String[] afterImport = etags(base, months);
        assertNotEquals(tags[1], afterImport[1]);
        assertEquals(tags[0], afterImport[0]);
        assertEquals(tags[2], afterImport[2]);
        assertEquals(tags[3], afterImport[3]);

        // an unpublish changes only its month
        events.send(ReportEvents.UNPUBLISHED, ReportEvents.unpublished(march15, 2, event + "-35"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !archive(base, "2022-03").contains("Talk 35<"));
        String[] afterUnpublish = etags(base, months);
        assertNotEquals(afterImport[2], afterUnpublish[2]);
        assertEquals(afterImport[0], afterUnpublish[0]);
        assertEquals(afterImport[1], afterUnpublish[1]);
        assertEquals(afterImport[3], afterUnpublish[3]);
        given().header("If-None-Match", afterUnpublish[0]).get(base + "/archive/2022-01/atom.xml").then().statusCode(304)
                .header("Cache-Control", "public, max-age=86400");
    }

    private static String archive(String base, String month) throws Exception {
        byte[] atom = given().get(base + "/archive/" + month + "/atom.xml").then().statusCode(200).extract().asByteArray();
        assertValidAtom(atom);
        return new String(atom, StandardCharsets.UTF_8);
    }

    private static String[] etags(String base, String[] months) {
        String[] tags = new String[months.length];
        for (int i = 0; i < months.length; i++) {
            tags[i] = given().get(base + "/archive/" + months[i] + "/atom.xml").then().statusCode(200)
                    .header("Cache-Control", not(containsString("immutable"))).extract().header("ETag");
        }
        return tags;
    }

    @Test
    void forbiddenCharactersAndCdataTerminatorsStillGiveWellFormedFeeds() throws Exception {
        String tag = unique("nasty");
        ObjectNode report = ReportEvents.report(UUID.randomUUID(), 1, unique("nasty"),
                "Bad \u0001\u000B\uFFFE title ]]> <here> & there", "2021-05-01");
        report.put("html", "<p>Body \u0000\u001F with ]]> and <![CDATA[ x ]]> and \uD800 lone</p>");
        report.put("summary", "Summary ]]>\u0008");
        report.putArray("tags").add(tag);
        events.send(ReportEvents.PUBLISHED, report);

        byte[] atom = awaitFeed("/tags/" + tag + "/atom.xml").extract().asByteArray();
        byte[] rss = given().get("/tags/" + tag + "/rss.xml").then().statusCode(200).extract().asByteArray();
        for (byte[] xml : new byte[][] {atom, rss}) {
            wellFormed(xml);
            String text = new String(xml, StandardCharsets.UTF_8);
            assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
            assertFalse(text.contains("<![CDATA["), "no CDATA section, only escaped text");
            assertTrue(text.contains("Bad  title ]]&gt; &lt;here&gt; &amp; there"), text);
        }
        assertValidAtom(atom);
        new ObjectMapper().readTree(given().get("/tags/" + tag + "/feed.json").then().statusCode(200).extract().asByteArray());
    }

    @Test
    void theStylesheetMakesFeedsReadableInABrowser() {
        given().get("/feeds/feed.xsl").then().statusCode(200).contentType(containsString("xml"))
                .body(containsString("xsl:stylesheet"));
        assertTrue(given().get("/feeds/rss.xml").then().statusCode(200).extract().asString()
                .contains("<?xml-stylesheet type=\"text/xsl\" href=\"/feeds/feed.xsl\"?>"));
    }

    @Test
    void feedsNeedNoTokenAndIgnoreOne() {
        // feeds are served ahead of authentication, like files: a reader whose client sends a stale token still gets them
        given().header("Authorization", "Bearer not-a-token").get("/feeds/atom.xml").then().statusCode(200);
        given().header("Authorization", "Bearer not-a-token").get("/api/subscriptions").then().statusCode(401);
    }

    @Test
    void feedsOfUnknownScopesAndFilesAreNotFound() {
        given().get("/tags/" + unique("none") + "/atom.xml").then().statusCode(404);
        given().get("/feeds/atom.txt").then().statusCode(404);
        assertNotEquals(404, given().get("/feeds/atom.xml").statusCode());
    }

    @Test
    void hostileAddressesUnderAFeedScopeAreNormalizedOrNotFoundNeverAFailure() {
        given().urlEncodingEnabled(false).get("/feeds/../feeds/atom.xml").then().statusCode(200);
        for (String path : new String[] {"/tags/%2e%2e/atom.xml", "/tags/a%2Fb/rss.xml", "/tags/" + "a".repeat(3000) + "/atom.xml",
                "/feeds/archive/2023-13/atom.xml", "/authors/%00/feed.json", "/tags/%00/atom.xml", "/events/%0A/rss.xml",
                "/tags/%ff/atom.xml", "/events//rss.xml", "/authors/%00", "/tags/%00", "/events/%00"}) {
            assertEquals(404, given().urlEncodingEnabled(false).get(path).statusCode(), path);
        }
    }

    private static io.restassured.response.ValidatableResponse awaitFeed(String path) {
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get(path).statusCode() == 200);
        return given().get(path).then().statusCode(200);
    }

    private static HttpResponse<byte[]> raw(String path, String acceptEncoding, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String url(String path) {
        return "http://localhost:" + RestAssured.port + path;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
