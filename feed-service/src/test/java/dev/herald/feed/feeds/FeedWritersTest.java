package dev.herald.feed.feeds;

import static dev.herald.feed.FeedChecks.assertValidAtom;
import static dev.herald.feed.FeedChecks.rome;
import static dev.herald.feed.FeedChecks.wellFormed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;

class FeedWritersTest {

    static final String BASE = "https://herald.example";
    static final UUID FIRST = UUID.fromString("6f1c1b8e-0c57-4a5c-9d55-2f2d2b0a1c01");
    static final UUID SECOND = UUID.fromString("6f1c1b8e-0c57-4a5c-9d55-2f2d2b0a1c02");
    // characters XML 1.0 forbids, a lone surrogate and a CDATA terminator
    static final String NASTY = "Sprint \u0000\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF\uD800 ]]> <b>&amp; \"q\" 🐍";

    @Test
    void atomValidatesAgainstTheRfc4287SchemaAndParsesWithRome() throws Exception {
        byte[] atom = new AtomWriter().write(feed());

        assertValidAtom(atom);
        SyndFeed parsed = rome(atom);
        assertEquals("atom_1.0", parsed.getFeedType());
        SyndEntry entry = parsed.getEntries().get(0);
        assertEquals("urn:uuid:" + FIRST, entry.getUri());
        assertEquals("Sprint  ]]> <b>&amp; \"q\" 🐍", entry.getTitle());
        assertEquals("html", entry.getContents().get(0).getType());
        assertTrue(entry.getContents().get(0).getValue().contains("src=\"" + BASE + "/2019/10/images/sprint.jpeg\""));
        assertEquals("The summary", entry.getDescription().getValue());
        assertEquals(Instant.parse("2019-10-30T09:00:00Z"), entry.getPublishedDate().toInstant());
        assertEquals(Instant.parse("2019-11-02T10:15:30Z"), entry.getUpdatedDate().toInstant());
        assertEquals(List.of("core", "sprint"), entry.getCategories().stream().map(c -> c.getName()).toList());
    }

    @Test
    void atomWritesRfc5005LinksAndMarksArchives() throws Exception {
        FeedDocument archive = document("/feeds/archive/2019-03/atom.xml", new FeedPaging(null, null, null, null,
                BASE + "/feeds/archive/2019-02/atom.xml", BASE + "/feeds/archive/2019-04/atom.xml", BASE + "/feeds/atom.xml", true));
        String atom = new String(new AtomWriter().write(archive), StandardCharsets.UTF_8);

        assertValidAtom(atom.getBytes(StandardCharsets.UTF_8));
        assertTrue(atom.contains("<fh:archive/>") || atom.contains("<fh:archive></fh:archive>"), atom);
        assertTrue(atom.contains("rel=\"prev-archive\" href=\"" + BASE + "/feeds/archive/2019-02/atom.xml\""));
        assertTrue(atom.contains("rel=\"next-archive\""));
        assertTrue(atom.contains("rel=\"current\""));
        assertTrue(atom.contains("rel=\"hub\" href=\"" + BASE + "/websub\""));
    }

    @Test
    void rssCarriesFullTextStableGuidsAndParsesWithRome() throws Exception {
        byte[] rss = new RssWriter().write(feed());
        String text = new String(rss, StandardCharsets.UTF_8);

        wellFormed(rss);
        assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), text);
        assertFalse(text.contains("CDATA"));
        assertTrue(text.contains("<guid isPermaLink=\"false\">urn:uuid:" + FIRST + "</guid>"));
        assertTrue(text.contains("<pubDate>Wed, 30 Oct 2019 09:00:00 GMT</pubDate>"), text);
        assertTrue(text.contains("<dc:creator>Pablo Galindo</dc:creator>"));
        assertTrue(text.contains("<atom:link rel=\"self\" href=\"" + BASE + "/feeds/rss.xml\" type=\"application/rss+xml\""));
        assertTrue(text.contains("<enclosure url=\"" + BASE + "/assets/sprint.jpeg\" length=\"2048\" type=\"image/jpeg\""));
        SyndFeed parsed = rome(rss);
        assertEquals("rss_2.0", parsed.getFeedType());
        SyndEntry entry = parsed.getEntries().get(0);
        assertEquals("urn:uuid:" + FIRST, entry.getUri());
        assertEquals("The summary", entry.getDescription().getValue());
        assertTrue(entry.getContents().get(0).getValue().contains("<table>"));
        assertEquals("Pablo Galindo", entry.getAuthor());
    }

    @Test
    void jsonFeedHasTheVersion11Structure() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new JsonFeedWriter().write(document("/feeds/feed.json",
                new FeedPaging(BASE + "/feeds/feed.json", null, BASE + "/feeds/feed.json?page=2", null, null, null, null, false))));

        assertEquals("https://jsonfeed.org/version/1.1", json.get("version").asText());
        assertEquals("Herald", json.get("title").asText());
        assertEquals(BASE + "/feeds/feed.json", json.get("feed_url").asText());
        assertEquals(BASE + "/feeds/feed.json?page=2", json.get("next_url").asText());
        assertEquals("WebSub", json.at("/hubs/0/type").asText());
        JsonNode item = json.at("/items/0");
        assertEquals("urn:uuid:" + FIRST, item.get("id").asText());
        assertTrue(item.get("content_html").asText().contains(BASE + "/2019/10/images/sprint.jpeg"));
        assertEquals("The summary", item.get("summary").asText());
        assertEquals("2019-10-30T09:00:00Z", item.get("date_published").asText());
        assertEquals("2019-11-02T10:15:30Z", item.get("date_modified").asText());
        assertEquals("Pablo Galindo", item.at("/authors/0/name").asText());
        assertEquals("image/jpeg", item.at("/attachments/0/mime_type").asText());
        assertEquals(2048, item.at("/attachments/0/size_in_bytes").asLong());
        assertEquals(2, json.get("items").size());
    }

    @Test
    void forbiddenCharactersAndCdataTerminatorsStillMakeWellFormedXml() throws Exception {
        for (byte[] xml : List.of(new AtomWriter().write(feed()), new RssWriter().write(feed()))) {
            Document document = wellFormed(xml);
            String text = new String(xml, StandardCharsets.UTF_8);
            assertFalse(text.contains("\u0000"));
            assertFalse(text.contains("]]>"), "a CDATA terminator is escaped");
            assertTrue(document.getDocumentElement().getTextContent().contains("Sprint  ]]> <b>&amp; \"q\" 🐍"));
        }
    }

    @Test
    void theSameDocumentAlwaysGivesTheSameBytes() {
        assertEquals(new String(new AtomWriter().write(feed()), StandardCharsets.UTF_8),
                new String(new AtomWriter().write(feed()), StandardCharsets.UTF_8));
    }

    static FeedDocument feed() {
        return document("/feeds/rss.xml", FeedPaging.NONE);
    }

    static FeedDocument document(String selfPath, FeedPaging paging) {
        String url = BASE + "/2019/10/cpython-core-developer-sprint-2019";
        FeedEntry first = new FeedEntry(FIRST, NASTY, url, "The summary",
                ContentUrls.absolutize("<p>" + NASTY + "</p><table><tr><td><img src=\"images/sprint.jpeg\" alt=\"\"></td></tr></table>"
                        + "<p><a href=\"/tags/core\">core</a></p>", url),
                new Person("Pablo Galindo", BASE + "/authors/pablo-galindo"), List.of("core", "sprint"),
                Instant.parse("2019-10-30T09:00:00Z"), Instant.parse("2019-11-02T10:15:30Z"),
                List.of(new Enclosure(BASE + "/assets/sprint.jpeg", "image/jpeg", 2048)));
        FeedEntry second = new FeedEntry(SECOND, "Language summit", BASE + "/2019/05/language-summit", "Summit",
                "<p>Summit</p>", new Person("Łukasz Langa", null), List.of(),
                Instant.parse("2019-05-01T00:00:00Z"), Instant.parse("2019-05-01T00:00:00Z"), List.of());
        return new FeedDocument("urn:uuid:" + UUID.nameUUIDFromBytes("all".getBytes(StandardCharsets.UTF_8)), "Herald",
                "Reports of community gatherings", BASE + "/", BASE + selfPath,
                BASE + "/websub", BASE + "/feeds/feed.xsl", Instant.parse("2019-11-02T10:15:30Z"), paging,
                new ArrayList<>(List.of(first, second)));
    }
}
