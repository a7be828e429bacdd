package dev.herald.feed.site;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import dev.herald.feed.feeds.LastRendered;
import dev.herald.feed.feeds.Revalidation;
import dev.herald.feed.readmodel.ReadModelChanged;
import dev.herald.feed.readmodel.ReportLink;
import dev.herald.feed.readmodel.ReportRepository;
import dev.herald.feed.readmodel.ReportYear;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The sitemaps (sitemaps.org protocol): an index naming one sitemap of the site's own pages and one per year and
 * 50,000 reports, each read from the addresses and dates alone and rendered once per change of the read model.
 */
@ApplicationScoped
class Sitemaps {

    // the protocol's bound on the URLs of one sitemap
    static final int URLS_PER_SITEMAP = 50_000;

    @CheckedTemplate(basePath = "SiteResource")
    static class Templates {
        static native TemplateInstance sitemap(List<SitemapEntry> entries);

        static native TemplateInstance sitemapindex(List<SitemapEntry> entries);
    }

    private final ReportRepository reports;
    private final SiteViews views;
    private final Map<String, Uni<Optional<Sitemap>>> documents = new ConcurrentHashMap<>();
    private final LastRendered<String, Sitemap> lastRendered = new LastRendered<>();

    Sitemaps(ReportRepository reports, SiteViews views) {
        this.reports = reports;
        this.views = views;
    }

    Uni<Optional<Sitemap>> index() {
        return cached("index", () -> reports.years().map(years -> {
            Instant newest = newest(years);
            List<SitemapEntry> entries = new ArrayList<>();
            entries.add(new SitemapEntry(views.absolute("/sitemaps/pages.xml"), lastmod(newest)));
            for (ReportYear year : years) {
                for (long page = 1; (page - 1) * URLS_PER_SITEMAP < year.reports(); page++) {
                    entries.add(new SitemapEntry(views.absolute("/sitemaps/" + year.year() + "-" + page + ".xml"),
                            lastmod(year.lastChanged())));
                }
            }
            return Optional.of(Sitemap.of(Templates.sitemapindex(entries).render(), newest));
        }));
    }

    /** The home page and the yearly pages. */
    Uni<Optional<Sitemap>> pages() {
        return cached("pages", () -> reports.years().map(years -> {
            Instant newest = newest(years);
            List<SitemapEntry> entries = new ArrayList<>();
            entries.add(new SitemapEntry(views.absolute("/"), lastmod(newest)));
            years.forEach(year -> entries.add(new SitemapEntry(views.absolute("/" + year.year()),
                    lastmod(year.lastChanged()))));
            return Optional.of(Sitemap.of(Templates.sitemap(entries).render(), newest));
        }));
    }

    /** Page {@code page} of a year's report pages, oldest first; empty when there is none. */
    Uni<Optional<Sitemap>> year(int year, int page) {
        return cached(year + "-" + page, () -> reports.linksOfYear(year, (page - 1) * URLS_PER_SITEMAP, URLS_PER_SITEMAP)
                .map(links -> {
                    if (links.isEmpty()) {
                        return Optional.empty();
                    }
                    List<SitemapEntry> entries = links.stream().map(link -> new SitemapEntry(
                            views.absolute(link.permalinkPath()), lastmod(changed(link)))).toList();
                    Instant newest = links.stream().map(Sitemaps::changed).max(Comparator.naturalOrder()).orElseThrow();
                    return Optional.of(Sitemap.of(Templates.sitemap(entries).render(), newest));
                }));
    }

    private Uni<Optional<Sitemap>> cached(String key, Supplier<Uni<Optional<Sitemap>>> render) {
        return lastRendered.serve(key, documents.computeIfAbsent(key, k -> render.get()
                // a failure or a sitemap that does not exist is not kept: the next request asks again
                .onFailure().invoke(() -> documents.remove(k))
                .invoke(found -> {
                    if (found.isEmpty()) {
                        documents.remove(k);
                    }
                })
                .memoize().indefinitely()));
    }

    void onChange(@Observes ReadModelChanged change) {
        documents.clear();
    }

    private static Instant changed(ReportLink link) {
        return link.updatedAt().isAfter(link.publishedAt()) ? link.updatedAt() : link.publishedAt();
    }

    private static Instant newest(List<ReportYear> years) {
        return years.stream().map(ReportYear::lastChanged).max(Comparator.naturalOrder()).orElse(null);
    }

    // W3C Datetime in UTC, to the second
    private static String lastmod(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A rendered sitemap with its validators: a weak tag, as Vert.x may compress the bytes it was hashed from. */
    record Sitemap(String body, String etag, Instant lastModified) {

        static Sitemap of(String body, Instant lastModified) {
            return new Sitemap(body, "W/" + Revalidation.tag(body.getBytes(StandardCharsets.UTF_8)),
                    lastModified == null ? null : lastModified.truncatedTo(ChronoUnit.SECONDS));
        }
    }
}
