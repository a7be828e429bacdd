package dev.herald.feed.feeds;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import dev.herald.feed.readmodel.ArchiveMonths;
import dev.herald.feed.readmodel.FeedScope;
import dev.herald.feed.readmodel.Image;
import dev.herald.feed.readmodel.PublishedReport;
import jakarta.enterprise.context.ApplicationScoped;

/** Turns read-model reports into feed documents with absolute links, titles and RFC 5005 links. */
@ApplicationScoped
public class FeedAssembler {

    // root-relative: browsers apply an XSLT stylesheet only from the feed's own origin, whatever host served it
    private static final String STYLESHEET = "/feeds/feed.xsl";

    private final FeedConfig config;

    FeedAssembler(FeedConfig config) {
        this.config = config;
    }

    public String baseUrl() {
        String base = config.publicBaseUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String feedUrl(FeedScope scope, FeedFormat format, int page) {
        String url = baseUrl() + scope.feedBasePath() + "/" + format.fileName();
        return page > 1 ? url + "?page=" + page : url;
    }

    public String archiveUrl(FeedScope scope, YearMonth month) {
        return baseUrl() + scope.feedBasePath() + "/archive/" + month + "/" + FeedFormat.ATOM.fileName();
    }

    /**
     * Page {@code page} of {@code lastPage}; Atom's subscription page also links the archive of its newest report's
     * month, so that following prev-archive from it reaches every report even when a month outgrows a page.
     */
    FeedDocument page(FeedScope scope, FeedFormat format, int page, int lastPage, List<PublishedReport> reports) {
        FeedPaging paging = new FeedPaging(
                feedUrl(scope, format, 1),
                page > 1 ? feedUrl(scope, format, page - 1) : null,
                page < lastPage ? feedUrl(scope, format, page + 1) : null,
                feedUrl(scope, format, lastPage),
                format == FeedFormat.ATOM && page == 1 && !reports.isEmpty()
                        ? archiveUrl(scope, ArchiveMonths.of(reports.get(0).publishedAt())) : null,
                null, null, false);
        // only the subscription document is a WebSub topic
        return document(scope, feedUrl(scope, format, page), page == 1, paging, reports, format != FeedFormat.JSON);
    }

    /** A month's archive document: every report of the scope published in it, linked to the nearest other months. */
    FeedDocument archive(FeedScope scope, YearMonth month, ArchiveMonths around, List<PublishedReport> reports) {
        FeedPaging paging = new FeedPaging(null, null, null, null,
                around.previous() == null ? null : archiveUrl(scope, around.previous()),
                around.next() == null ? null : archiveUrl(scope, around.next()),
                feedUrl(scope, FeedFormat.ATOM, 1), true);
        return document(scope, archiveUrl(scope, month), false, paging, reports, true);
    }

    private FeedDocument document(FeedScope scope, String self, boolean topic, FeedPaging paging,
            List<PublishedReport> reports, boolean styled) {
        List<FeedEntry> entries = reports.stream().map(this::entry).toList();
        // the newest change shown, never the clock: the same reports always give the same bytes
        Instant updated = entries.stream().map(FeedEntry::updated).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        return new FeedDocument(
                "urn:uuid:" + UUID.nameUUIDFromBytes(("herald:feed:" + scope.key()).getBytes(StandardCharsets.UTF_8)),
                title(scope, reports), config.description(), baseUrl() + scope.pagePath(), self,
                topic ? config.hubUrl().orElse(null) : null, styled ? STYLESHEET : null, updated, paging, entries);
    }

    private String title(FeedScope scope, List<PublishedReport> reports) {
        return switch (scope.kind()) {
            case ALL -> config.title();
            case TAG -> config.title() + ": reports tagged " + scope.value();
            case AUTHOR -> config.title() + ": reports by " + reports.stream().findFirst()
                    .map(PublishedReport::authorName).orElse(scope.value());
            case EVENT -> config.title() + ": reports about " + scope.value();
        };
    }

    FeedEntry entry(PublishedReport report) {
        String url = baseUrl() + report.permalinkPath();
        return new FeedEntry(report.id(), report.title(), url, report.summary(),
                ContentUrls.absolutize(report.contentHtml(), url),
                new Person(report.authorName(), report.authorSlug() == null ? null
                        : baseUrl() + FeedScope.author(report.authorSlug()).pagePath()),
                report.tags(), report.publishedAt(), report.updatedAt(),
                report.images().stream().map(image -> enclosure(url, image)).toList());
    }

    private static Enclosure enclosure(String base, Image image) {
        return new Enclosure(ContentUrls.resolve(base, image.url()), image.mediaType(), image.length());
    }
}
