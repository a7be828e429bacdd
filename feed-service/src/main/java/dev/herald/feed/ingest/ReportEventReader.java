package dev.herald.feed.ingest;

import java.net.URI;
import java.net.URLConnection;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jsoup.Jsoup;

import com.fasterxml.jackson.databind.JsonNode;

import dev.herald.consumer.InboundEvent;
import dev.herald.feed.feeds.XmlText;
import dev.herald.feed.readmodel.Image;
import dev.herald.feed.readmodel.PublishedReport;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a report event of reports.events, already checked against its schema in docs/events. A tolerant reader: it
 * takes the fields feed-service needs and ignores the rest. Text loses the control characters XML 1.0 forbids, which
 * no page or feed can show and PostgreSQL (NUL) cannot store.
 */
@ApplicationScoped
class ReportEventReader {

    private static final int SUMMARY_LENGTH = 300;

    /** The event; its data matches the schema of its type, which is one of {@link ReportEventType}. */
    ReportEvent read(InboundEvent event) {
        ReportEventType type = ReportEventType.of(event.type())
                .orElseThrow(() -> new IllegalArgumentException("not a report event type: " + event.type()));
        JsonNode data = event.data();
        UUID reportId = UUID.fromString(data.path("id").asText());
        long revision = data.path("revision").asLong(0);
        PublishedReport report = type == ReportEventType.UNPUBLISHED ? null : report(reportId, revision, data);
        return new ReportEvent(event.source(), event.id(), type, event.time() == null ? Instant.now() : event.time(),
                reportId, revision, report);
    }

    private PublishedReport report(UUID reportId, long revision, JsonNode data) {
        String html = text(data, "html").orElse("");
        Instant published = instant(data.path("publishDate"))
                .orElseThrow(() -> new IllegalArgumentException("publishDate missing in report " + reportId));
        Instant updated = instant(data.path("updatedDate")).filter(date -> date.isAfter(published)).orElse(published);
        JsonNode author = data.path("author");
        return new PublishedReport(reportId, revision,
                text(data, "slug").orElseThrow(() -> new IllegalArgumentException("slug missing in report " + reportId)),
                text(data, "title").orElse(""),
                text(data, "summary").orElseGet(() -> summaryOf(html)),
                html,
                text(author, "name").orElse(""),
                text(author, "slug").orElse(null),
                text(data.path("event"), "slug").orElse(null),
                strings(data.path("tags")),
                published,
                updated,
                text(data, "legacyUrl").map(ReportEventReader::pathOf).orElse(null),
                images(data.path("images")));
    }

    private static Optional<String> text(JsonNode node, String name) {
        JsonNode value = node.path(name);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(XmlText.clean(value.asText())) : Optional.empty();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> {
            if (value.isTextual() && !value.asText().isBlank()) {
                values.add(XmlText.clean(value.asText()));
            }
        });
        return List.copyOf(values);
    }

    private static List<Image> images(JsonNode array) {
        List<Image> images = new ArrayList<>();
        for (JsonNode image : array) {
            text(image, "url").ifPresent(url -> images.add(new Image(url,
                    text(image, "mediaType").orElseGet(() -> mediaTypeOf(url)), image.path("length").asLong(0))));
        }
        return List.copyOf(images);
    }

    private static String mediaTypeOf(String url) {
        return Optional.ofNullable(URLConnection.guessContentTypeFromName(url)).orElse("application/octet-stream");
    }

    // old links reach this host by path, so an absolute legacyUrl is kept as its path
    private static String pathOf(String legacyUrl) {
        try {
            URI uri = URI.create(legacyUrl);
            return uri.getScheme() == null ? legacyUrl : uri.getRawPath();
        } catch (IllegalArgumentException e) {
            return legacyUrl;
        }
    }

    /** An RFC 3339 date-time, as the contract's publishDate and updatedDate are. */
    private static Optional<Instant> instant(JsonNode value) {
        return value.isTextual() ? Optional.of(OffsetDateTime.parse(value.asText()).toInstant()) : Optional.empty();
    }

    // aggregators show the summary: derived from the text when the producer sent none
    private static String summaryOf(String html) {
        String text = Jsoup.parse(html).text();
        if (text.length() <= SUMMARY_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SUMMARY_LENGTH);
        return text.substring(0, cut > 0 ? cut : SUMMARY_LENGTH) + "…";
    }
}
