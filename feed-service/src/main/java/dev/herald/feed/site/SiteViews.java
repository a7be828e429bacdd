package dev.herald.feed.site;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.herald.feed.feeds.ContentUrls;
import dev.herald.feed.feeds.FeedAssembler;
import dev.herald.feed.feeds.FeedConfig;
import dev.herald.feed.feeds.FeedFormat;
import dev.herald.feed.readmodel.FeedScope;
import dev.herald.feed.readmodel.PublishedReport;
import dev.herald.feed.readmodel.ReportYear;
import dev.herald.feed.readmodel.Tally;
import jakarta.enterprise.context.ApplicationScoped;

/** Builds the view records the templates show from read-model reports. */
@ApplicationScoped
public class SiteViews {

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final FeedAssembler assembler;
    private final FeedConfig config;
    private final StructuredData structuredData;

    SiteViews(FeedAssembler assembler, FeedConfig config, StructuredData structuredData) {
        this.assembler = assembler;
        this.config = config;
        this.structuredData = structuredData;
    }

    ReportCard card(PublishedReport report) {
        return new ReportCard(report.title(), report.permalinkPath(), readable(report.publishedAt()),
                datetime(report.publishedAt()), "/" + report.publishedAt().atOffset(ZoneOffset.UTC).getYear(),
                report.authorName(),
                report.authorSlug() == null ? null : FeedScope.author(report.authorSlug()).pagePath(),
                report.summary(), report.tags().stream().map(tag -> new Link(tag, FeedScope.tag(tag).pagePath())).toList());
    }

    ReportPage page(PublishedReport report) {
        return new ReportPage(card(report), ReportHeadings.fit(report.contentHtml()), readable(report.updatedAt()),
                datetime(report.updatedAt()),
                report.eventSlug() == null ? null : new Link(report.eventSlug(), FeedScope.event(report.eventSlug()).pagePath()));
    }

    List<ReportCard> cards(List<PublishedReport> reports) {
        return reports.stream().map(this::card).toList();
    }

    /** The page head: the scope's feeds first, then the site's, so readers offer the most specific one. */
    public PageMeta meta(String title, String description, String path, FeedScope scope) {
        return new PageMeta(title, description, assembler.baseUrl() + path, feeds(title, scope), null, null, null, null);
    }

    /** The head of a page that has no description of its own: the site's. */
    PageMeta meta(String title, String path, FeedScope scope) {
        return meta(title, config.description(), path, scope);
    }

    /** The head of a scope's listing page that is a WebSub topic (its first page): hub and self as well. */
    PageMeta topicMeta(String title, String description, FeedScope scope) {
        String self = assembler.baseUrl() + scope.pagePath();
        return new PageMeta(title, description, self, feeds(title, scope), config.hubUrl().orElse(null),
                config.hubUrl().isPresent() ? self : null, null, null);
    }

    /** A report page's head: its summary as description, the tags of a link preview and its BlogPosting JSON-LD. */
    PageMeta reportMeta(PublishedReport report) {
        String url = assembler.baseUrl() + report.permalinkPath();
        String description = ReportDescription.of(report);
        String authorUrl = report.authorSlug() == null ? null
                : assembler.baseUrl() + FeedScope.author(report.authorSlug()).pagePath();
        String image = report.images().stream().findFirst().map(first -> ContentUrls.resolve(url, first.url())).orElse(null);
        ArticleMeta article = new ArticleMeta(image, report.publishedAt().toString(), report.updatedAt().toString(),
                authorUrl != null ? authorUrl : blankToNull(report.authorName()));
        return new PageMeta(report.title(), description, url, feeds(report.title(), FeedScope.ALL), null, null, article,
                structuredData.blogPosting(report, url, description, article, authorUrl));
    }

    /** An event page's JSON-LD. */
    String eventData(EventBox event) {
        return structuredData.event(event, assembler.baseUrl() + event.url());
    }

    private List<FeedLinks> feeds(String title, FeedScope scope) {
        List<FeedLinks> feeds = new ArrayList<>();
        if (scope.kind() != FeedScope.Kind.ALL) {
            feeds.add(feedLinks(title, scope));
        }
        feeds.add(feedLinks(config.title(), FeedScope.ALL));
        return feeds;
    }

    Pager pager(String path, int page, long total) {
        long pages = Math.max(1, (total + config.pageSize() - 1) / config.pageSize());
        return new Pager(page > 1 ? path + (page == 2 ? "" : "?page=" + (page - 1)) : null,
                page < pages ? path + "?page=" + (page + 1) : null);
    }

    /** The years to filter the archive by, newest first; {@code current} (0 for none) is marked as the page shown. */
    List<CountedLink> years(List<ReportYear> years, int current) {
        List<CountedLink> links = new ArrayList<>(years.size());
        for (int i = years.size() - 1; i >= 0; i--) {
            ReportYear year = years.get(i);
            links.add(new CountedLink(String.valueOf(year.year()), "/" + year.year(), year.reports(), year.year() == current));
        }
        return links;
    }

    List<CountedLink> tags(List<Tally> tags) {
        return tags.stream().map(tag -> new CountedLink(tag.value(), FeedScope.tag(tag.value()).pagePath(), tag.count(),
                false)).toList();
    }

    public String absolute(String path) {
        return assembler.baseUrl() + path;
    }

    public int pageSize() {
        return config.pageSize();
    }

    String siteTitle() {
        return config.title();
    }

    public String siteDescription() {
        return config.description();
    }

    private FeedLinks feedLinks(String title, FeedScope scope) {
        return new FeedLinks(title, assembler.feedUrl(scope, FeedFormat.ATOM, 1), assembler.feedUrl(scope, FeedFormat.RSS, 1),
                assembler.feedUrl(scope, FeedFormat.JSON, 1));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A date as the pages show it: "4 March 2021", in UTC. */
    /** An instant for a time element's datetime: HTML allows at most milliseconds, so to the second. */
    public static String datetime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public static String readable(Instant instant) {
        return READABLE.format(instant.atOffset(ZoneOffset.UTC));
    }
}
