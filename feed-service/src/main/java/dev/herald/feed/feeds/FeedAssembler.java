package dev.herald.feed.feeds;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

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

    public String archiveUrl(FeedScope scope, int archive) {
        return baseUrl() + scope.feedBasePath() + "/archive/" + archive + "/" + FeedFormat.ATOM.fileName();
    }

    /** Page {@code page} of {@code lastPage}; Atom's subscription page also links the newest complete archive. */
    FeedDocument page(FeedScope scope, FeedFormat format, int page, int lastPage, int completeArchives,
            List<PublishedReport> reports) {
        FeedPaging paging = new FeedPaging(
                feedUrl(scope, format, 1),
                page > 1 ? feedUrl(scope, format, page - 1) : null,
                page < lastPage ? feedUrl(scope, format, page + 1) : null,
                feedUrl(scope, format, lastPage),
                format == FeedFormat.ATOM && page == 1 && completeArchives > 0 ? archiveUrl(scope, completeArchives) : null,
                null, null, false);
        // only the subscription document is a WebSub topic
        return document(scope, feedUrl(scope, format, page), page == 1, paging, reports, format != FeedFormat.JSON);
    }

    /** An archive document: a complete, immutable page of the oldest reports. */
    FeedDocument archive(FeedScope scope, int archive, int completeArchives, List<PublishedReport> reports) {
        FeedPaging paging = new FeedPaging(null, null, null, null,
                archive > 1 ? archiveUrl(scope, archive - 1) : null,
                archive < completeArchives ? archiveUrl(scope, archive + 1) : null,
                feedUrl(scope, FeedFormat.ATOM, 1), true);
        List<PublishedReport> newestFirst = reports.stream()
                .sorted(Comparator.comparing(PublishedReport::publishedAt).thenComparing(PublishedReport::id).reversed())
                .toList();
        return document(scope, archiveUrl(scope, archive), false, paging, newestFirst, true);
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
