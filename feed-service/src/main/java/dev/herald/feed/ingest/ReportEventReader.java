package dev.herald.feed.ingest;

import java.net.URI;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jsoup.Jsoup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.herald.feed.feeds.XmlText;
import dev.herald.feed.readmodel.Image;
import dev.herald.feed.readmodel.PublishedReport;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a binary-mode CloudEvent (Kafka binding: {@code ce_*} headers, the data as the record value) from
 * reports.events. A tolerant reader: it takes the fields feed-service needs and ignores the rest. Text loses the
 * control characters XML 1.0 forbids, which no page or feed can show and PostgreSQL (NUL) cannot store.
 */
@ApplicationScoped
class ReportEventReader {

    private static final int SUMMARY_LENGTH = 300;

    private final ObjectMapper mapper;

    ReportEventReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The event, or empty when the record is not a report event this service understands. */
    Optional<ReportEvent> read(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        String source = header(record, "ce_source");
        Optional<ReportEventType> type = ReportEventType.of(header(record, "ce_type"));
        if (id == null || source == null || type.isEmpty() || record.value() == null) {
            return Optional.empty();
        }
        JsonNode data = json(record.value());
        UUID reportId = UUID.fromString(text(data, "id").orElse(record.key()));
        long revision = data.path("revision").asLong(0);
        PublishedReport report = type.get() == ReportEventType.UNPUBLISHED ? null : report(reportId, revision, data);
        return Optional.of(new ReportEvent(source, id, type.get(), reportId, revision, report));
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

    private JsonNode json(String value) {
        try {
            return mapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Report event data is not JSON", e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
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
