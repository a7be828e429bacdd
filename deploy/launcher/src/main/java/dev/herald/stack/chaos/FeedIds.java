package dev.herald.stack.chaos;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import com.fasterxml.jackson.databind.JsonNode;

/** The entries of a feed, every page of it, as a feed reader reads them: id and title, in the order served. */
final class FeedIds {

    /** One entry: its id without the {@code urn:uuid:} prefix, and its title. */
    record Entry(String id, String title) {
    }

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final int MAX_PAGES = 1_000;
    private static final Map<String, String> FILES = Map.of("atom", "atom.xml", "rss", "rss.xml", "json", "feed.json");

    private final Api api;

    FeedIds(Api api) {
        this.api = api;
    }

    /**
     * Every entry on every page ({@code ?page=1}, 2, … until one is empty or absent) of the feed at {@code base}
     * ({@code http://host/tags/x/}) in one format; null when the feed answers 404 or 410 (no such scope).
     */
    List<Entry> read(String base, String format) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            Api.Answer answer = api.get(base + FILES.get(format) + "?page=" + page, null);
            if (answer.status() == 404 || answer.status() == 410) {
                return page == 1 ? null : entries;
            }
            if (!answer.ok()) {
                throw new IOException(base + FILES.get(format) + "?page=" + page + " answered " + answer.status());
            }
            List<Entry> onPage = format.equals("json") ? json(answer) : xml(answer, format);
            if (onPage.isEmpty()) {
                return entries;
            }
            entries.addAll(onPage);
        }
        throw new IOException(base + " has more than " + MAX_PAGES + " pages");
    }

    private static List<Entry> json(Api.Answer answer) {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode item : answer.json().path("items")) {
            entries.add(new Entry(bare(item.path("id").asText()), item.path("title").asText()));
        }
        return entries;
    }

    private static List<Entry> xml(Api.Answer answer, String format) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(answer.body()));
            boolean atom = format.equals("atom");
            NodeList items = atom ? document.getElementsByTagNameNS(ATOM, "entry") : document.getElementsByTagName("item");
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < items.getLength(); i++) {
                Element item = (Element) items.item(i);
                entries.add(new Entry(bare(child(item, atom ? "id" : "guid", atom)), child(item, "title", atom)));
            }
            return entries;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not a feed: " + e.getMessage(), e);
        }
    }

    private static String child(Element item, String name, boolean atom) {
        NodeList found = atom ? item.getElementsByTagNameNS(ATOM, name) : item.getElementsByTagName(name);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().trim();
    }

    private static String bare(String urn) {
        return urn.startsWith("urn:uuid:") ? urn.substring("urn:uuid:".length()) : urn;
    }
}
