package dev.herald.feed.ingest;

import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
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
        UUID reportId = UUID.fromString(text(data, "id", "reportId").orElse(record.key()));
        long revision = data.path("revision").asLong(0);
        PublishedReport report = type.get() == ReportEventType.UNPUBLISHED ? null : report(reportId, revision, data);
        return Optional.of(new ReportEvent(source, id, type.get(), reportId, revision, report));
    }

    private PublishedReport report(UUID reportId, long revision, JsonNode data) {
        String html = text(data, "html", "contentHtml", "renderedHtml").orElse("");
        Instant published = instant(text(data, "publishDate", "publishedAt").orElseThrow(
                () -> new IllegalArgumentException("publishDate missing in report " + reportId)));
        Instant updated = text(data, "updatedDate", "updatedAt").map(ReportEventReader::instant).orElse(published);
        JsonNode author = data.path("author");
        JsonNode event = data.path("event");
        return new PublishedReport(reportId, revision,
                text(data, "slug").orElseThrow(() -> new IllegalArgumentException("slug missing in report " + reportId)),
                text(data, "title").orElse(""),
                text(data, "summary", "description").orElseGet(() -> summaryOf(html)),
                html,
                author.isObject() ? text(author, "name", "displayName").orElse("") : text(data, "author", "authorName").orElse(""),
                author.isObject() ? text(author, "slug").orElse(null) : text(data, "authorSlug").orElse(null),
                event.isObject() ? text(event, "slug").orElse(null) : text(data, "eventSlug", "event").orElse(null),
                strings(data.path("tags")),
                published,
                updated.isBefore(published) ? published : updated,
                text(data, "legacyUrl").orElse(null),
                images(data.has("images") ? data.path("images") : data.path("imageUrls")));
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

    private static Optional<String> text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.path(name);
            if (value.isTextual() && !value.asText().isBlank()) {
                return Optional.of(XmlText.clean(value.asText()));
            }
        }
        return Optional.empty();
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
            String url = image.isTextual() ? image.asText() : text(image, "url", "src").orElse(null);
            if (url == null) {
                continue;
            }
            String mediaType = text(image, "mediaType", "contentType", "type")
                    .orElseGet(() -> Optional.ofNullable(URLConnection.guessContentTypeFromName(url)).orElse("image/jpeg"));
            images.add(new Image(url, mediaType, image.path("length").asLong(image.path("size").asLong(0)),
                    text(image, "alt", "caption").orElse(null)));
        }
        return List.copyOf(images);
    }

    /** Accepts an RFC 3339 date-time or, as in the corpus front matter, a bare date taken as midnight UTC. */
    static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
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
