package dev.herald.feed.ingest;

import java.net.URI;
import java.net.URLConnection;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jsoup.Jsoup;

import dev.herald.consumer.InboundEvent;
import dev.herald.events.ReportsEvent;
import dev.herald.events.ReportsEvent.ReportPublished;
import dev.herald.events.ReportsEvent.ReportState;
import dev.herald.events.ReportsEvent.ReportUpdated;
import dev.herald.feed.feeds.XmlText;
import dev.herald.feed.readmodel.Image;
import dev.herald.feed.readmodel.PublishedReport;
import dev.herald.feed.readmodel.ReportChange;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a report event of reports.events, already checked against its schema in docs/events and decoded into its
 * record. A tolerant reader: it takes the fields feed-service needs and makes do without the rest. Text loses the
 * control characters XML 1.0 forbids, which no page or feed can show and PostgreSQL (NUL) cannot store.
 */
@ApplicationScoped
class ReportEventReader {

    private static final int SUMMARY_LENGTH = 300;

    ReportEvent read(InboundEvent<ReportsEvent> event) {
        ReportsEvent data = event.data();
        PublishedReport report = data instanceof ReportState state ? report(state.report()) : null;
        return new ReportEvent(event.source(), event.id(), event.type(), change(data),
                event.time() == null ? Instant.now() : event.time(), data.id(), data.revision(), report);
    }

    private static ReportChange.Kind change(ReportsEvent event) {
        if (event instanceof ReportPublished) {
            return ReportChange.Kind.PUBLISHED;
        }
        return event instanceof ReportUpdated ? ReportChange.Kind.UPDATED : ReportChange.Kind.UNPUBLISHED;
    }

    private PublishedReport report(ReportsEvent.Report data) {
        String html = text(data.html()).orElse("");
        Instant published = Optional.ofNullable(data.publishDate())
                .orElseThrow(() -> new IllegalArgumentException("publishDate missing in report " + data.id()));
        Instant updated = Optional.ofNullable(data.updatedDate()).filter(date -> date.isAfter(published)).orElse(published);
        Optional<ReportsEvent.Author> author = Optional.ofNullable(data.author());
        return new PublishedReport(data.id(), data.revision(),
                text(data.slug()).orElseThrow(() -> new IllegalArgumentException("slug missing in report " + data.id())),
                text(data.title()).orElse(""),
                text(data.summary()).orElseGet(() -> summaryOf(html)),
                html,
                author.flatMap(byline -> text(byline.name())).orElse(""),
                author.flatMap(byline -> text(byline.slug())).orElse(null),
                Optional.ofNullable(data.event()).flatMap(ref -> text(ref.slug())).orElse(null),
                strings(data.tags()),
                published,
                updated,
                text(data.legacyUrl()).map(ReportEventReader::pathOf).orElse(null),
                images(data.images()));
    }

    private static Optional<String> text(String value) {
        return value != null && !value.isBlank() ? Optional.of(XmlText.clean(value)) : Optional.empty();
    }

    private static List<String> strings(List<String> values) {
        return values == null ? List.of() : values.stream().map(ReportEventReader::text).flatMap(Optional::stream).toList();
    }

    private static List<Image> images(List<ReportsEvent.Image> images) {
        return images == null ? List.of() : images.stream().filter(Objects::nonNull)
                .flatMap(image -> text(image.url()).map(url -> new Image(url,
                        text(image.mediaType()).orElseGet(() -> mediaTypeOf(url)), image.length())).stream())
                .toList();
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
