package dev.herald.feed.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.herald.feed.readmodel.PublishedReport;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The schema.org JSON-LD of report ({@code BlogPosting}) and event ({@code Event}) pages, written by Jackson so that
 * titles stay data, with {@code <}, {@code >} and {@code &} as JSON unicode escapes: a script element ends at the first
 * {@code </script>} whatever JSON says, and Qute does not escape what it prints raw.
 */
@ApplicationScoped
class StructuredData {

    private static final String CONTEXT = "https://schema.org";

    private final ObjectMapper json;
    private final ObjectWriter scriptSafe;

    StructuredData(ObjectMapper json) {
        this.json = json;
        this.scriptSafe = json.writer().with(new ScriptEscapes());
    }

    String blogPosting(PublishedReport report, String url, String description, ArticleMeta article, String authorUrl) {
        ObjectNode posting = json.createObjectNode().put("@context", CONTEXT).put("@type", "BlogPosting")
                .put("headline", report.title()).put("description", description).put("url", url)
                .put("datePublished", article.publishedTime()).put("dateModified", article.modifiedTime());
        if (report.authorName() != null && !report.authorName().isBlank()) {
            ObjectNode author = posting.putObject("author").put("@type", "Person").put("name", report.authorName());
            if (authorUrl != null) {
                author.put("url", authorUrl);
            }
        }
        if (article.image() != null) {
            posting.put("image", article.image());
        }
        if (!report.tags().isEmpty()) {
            posting.put("keywords", String.join(", ", report.tags()));
        }
        return write(posting);
    }

    String event(EventBox event, String url) {
        ObjectNode node = json.createObjectNode().put("@context", CONTEXT).put("@type", "Event")
                .put("name", event.name()).put("url", url);
        if (!event.startDate().isBlank()) {
            node.put("startDate", event.startDate()).put("endDate", event.endDate().isBlank() ? event.startDate() : event.endDate());
        }
        if (event.venue() != null || event.city() != null) {
            ObjectNode place = node.putObject("location").put("@type", "Place")
                    .put("name", event.venue() != null ? event.venue() : event.city());
            if (event.city() != null) {
                place.put("address", event.city());
            }
        }
        if (event.description() != null && !event.description().isBlank()) {
            node.put("description", event.description());
        }
        return write(node);
    }

    private String write(ObjectNode node) {
        try {
            return scriptSafe.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static final class ScriptEscapes extends CharacterEscapes {

        private final int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();

        ScriptEscapes() {
            escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
