package dev.herald.feed.site;

import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import dev.herald.feed.readmodel.DirectoryRepository;
import dev.herald.feed.readmodel.DirectoryRepository.Kind;
import dev.herald.feed.readmodel.ErasedAuthors;
import dev.herald.feed.readmodel.FeedScope;
import dev.herald.feed.readmodel.PublishedReport;
import dev.herald.feed.readmodel.ReportRepository;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The public site, rendered on the server: home, report pages and the tag, author and event listings. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SiteResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(PageMeta meta, List<ReportCard> reports, Pager pager, List<CountedLink> years);

        static native TemplateInstance report(PageMeta meta, ReportPage report, EventBox event, AuthorCard author);

        static native TemplateInstance listing(PageMeta meta, String heading, List<ReportCard> reports, Pager pager,
                EventBox event, AuthorCard author);

        static native TemplateInstance year(PageMeta meta, int year, List<ReportCard> reports, Pager pager,
                List<CountedLink> years);

        static native TemplateInstance tags(PageMeta meta, List<CountedLink> tags);

        static native TemplateInstance notFound(PageMeta meta);

        static native TemplateInstance gone(PageMeta meta);

    }

    private final ReportRepository reports;
    private final DirectoryRepository directory;
    private final ErasedAuthors erasedAuthors;
    private final SiteViews views;

    SiteResource(ReportRepository reports, DirectoryRepository directory, ErasedAuthors erasedAuthors, SiteViews views) {
        this.reports = reports;
        this.directory = directory;
        this.erasedAuthors = erasedAuthors;
        this.views = views;
    }

    @GET
    public Uni<RestResponse<TemplateInstance>> home(@RestQuery Integer page) {
        return Uni.combine().all().unis(listing(FeedScope.ALL, views.siteTitle(), views.siteDescription(), page, true),
                        reports.years())
                .with((listing, years) -> listing.respond(Templates.home(listing.meta, listing.cards, listing.pager,
                        views.years(years, 0))));
    }

    @GET
    @Path("{year: [0-9]{4}}/{month: 0[1-9]|1[0-2]}/{slug: [^/.]+}")
    public Uni<RestResponse<TemplateInstance>> report(@RestPath int year, @RestPath int month, @RestPath String slug) {
        return reports.byPermalink(year, month, slug)
                .map(found -> found.orElseThrow(NotFoundException::new))
                .flatMap(report -> Uni.combine().all()
                        .unis(event(report.eventSlug()), author(report.authorSlug()))
                        .with((event, author) -> dated(Templates.report(
                                views.reportMeta(report), views.page(report),
                                event.orElse(null), author.orElse(null)), List.of(report))));
    }

    /** The archive filtered to one year, paged like the home page, with every year to pick from. */
    @GET
    @Path("{year: [0-9]{4}}")
    public Uni<RestResponse<TemplateInstance>> year(@RestPath int year, @RestQuery Integer page) {
        int current = page == null ? 1 : page;
        String path = "/" + year;
        return reports.countOfYear(year).flatMap(total -> {
            requireListed(current, total, false);
            return Uni.combine().all().unis(reports.newestOfYear(year, (current - 1) * views.pageSize(), views.pageSize()),
                    reports.years()).with((found, years) -> dated(Templates.year(
                            views.meta("Reports of " + year, "Every report published on " + views.siteTitle() + " in "
                                    + year + ".", current == 1 ? path : path + "?page=" + current, FeedScope.ALL),
                            year, views.cards(found), views.pager(path, current, total), views.years(years, year)), found));
        });
    }

    /** Every tag in use, the most used first. */
    @GET
    @Path("tags")
    public Uni<TemplateInstance> tags() {
        return reports.tags().map(tags -> Templates.tags(views.meta("Tags", "Every tag of the reports on "
                + views.siteTitle() + ", with how many reports carry it.", "/tags", FeedScope.ALL), views.tags(tags)));
    }

    @GET
    @Path("tags/{tag}")
    public Uni<RestResponse<TemplateInstance>> tag(@RestPath String tag, @RestQuery Integer page) {
        return listing(FeedScope.tag(tag), "Reports tagged " + tag,
                "Reports tagged " + tag + " on " + views.siteTitle() + ".", page, false)
                .map(listing -> listing.respond(Templates.listing(listing.meta, listing.meta.title(), listing.cards,
                        listing.pager, null, null)));
    }

    @GET
    @Path("authors/{slug}")
    public Uni<RestResponse<TemplateInstance>> author(@RestPath String slug, @RestQuery Integer page) {
        return erasedAuthors.isErased(slug).flatMap(erased -> erased ? Uni.createFrom().failure(new AuthorGoneException())
                : author(slug)).flatMap(author -> listing(FeedScope.author(slug),
                        author.map(card -> "Reports by " + card.name()).orElse(null),
                        author.map(AuthorCard::bio).filter(bio -> bio != null && !bio.isBlank()).orElse(null), page,
                        author.isPresent())
                .map(listing -> listing.respond(Templates.listing(listing.meta, listing.meta.title(), listing.cards,
                        listing.pager, null, author.orElse(null)))));
    }

    @GET
    @Path("events/{slug}")
    public Uni<RestResponse<TemplateInstance>> event(@RestPath String slug, @RestQuery Integer page) {
        return event(slug).flatMap(event -> listing(FeedScope.event(slug),
                        event.map(EventBox::name).orElse("Reports about " + slug),
                        event.map(SiteResource::describe).orElse(null), page, event.isPresent())
                .map(listing -> listing.respond(Templates.listing(
                        event.map(known -> listing.meta.withStructuredData(views.eventData(known))).orElse(listing.meta),
                        listing.meta.title(), listing.cards, listing.pager, event.orElse(null), null))));
    }

    /** An event's own description, else what it was, when and where. */
    private static String describe(EventBox event) {
        if (event.description() != null && !event.description().isBlank()) {
            return event.description();
        }
        return "Reports about " + event.name() + ", " + event.kind() + (event.dates().isBlank() ? "" : " on " + event.dates())
                + (event.place().isBlank() ? "" : " at " + event.place()) + ".";
    }

    private Uni<Optional<EventBox>> event(String slug) {
        return slug == null ? Uni.createFrom().item(Optional.empty())
                : directory.bySlug(Kind.EVENT, slug).map(found -> found.map(DirectoryViews::event));
    }

    private Uni<Optional<AuthorCard>> author(String slug) {
        return slug == null ? Uni.createFrom().item(Optional.empty())
                : directory.bySlug(Kind.PERSON, slug).map(found -> found.map(DirectoryViews::author));
    }

    /** A page with Last-Modified from the newest report it shows, if any; PageCaching adds the ETag. */
    private static RestResponse<TemplateInstance> dated(TemplateInstance page, List<PublishedReport> shown) {
        return lastModified(RestResponse.ResponseBuilder.ok(page), shown).build();
    }

    private static RestResponse.ResponseBuilder<TemplateInstance> lastModified(
            RestResponse.ResponseBuilder<TemplateInstance> response, List<PublishedReport> shown) {
        shown.stream().map(PublishedReport::updatedAt).max(Comparator.naturalOrder())
                .ifPresent(newest -> response.lastModified(Date.from(newest)));
        return response;
    }

    private record Listing(PageMeta meta, List<ReportCard> cards, Pager pager, List<PublishedReport> shown) {

        /** The page, with the WebSub Link header when it is a topic (WebSub 4). */
        RestResponse<TemplateInstance> respond(TemplateInstance page) {
            var response = lastModified(RestResponse.ResponseBuilder.ok(page), shown);
            String link = meta.linkHeader();
            return (link == null ? response : response.header("Link", link)).build();
        }
    }

    /** A page number past the last page is not found; so is an empty listing unless its subject is {@code known}. */
    private void requireListed(int page, long total, boolean known) {
        if (page < 1 || (page - 1L) * views.pageSize() >= Math.max(total, 1) || (!known && total == 0)) {
            throw new NotFoundException();
        }
    }

    /**
     * A page of a scope's reports; with none, the page exists only when the scope is known ({@code known}). A null
     * description reads "{title} on {site}".
     */
    private Uni<Listing> listing(FeedScope scope, String heading, String description, Integer requestedPage,
            boolean known) {
        int page = requestedPage == null ? 1 : requestedPage;
        int size = views.pageSize();
        return reports.count(scope).flatMap(total -> {
            requireListed(page, total, known);
            return reports.newest(scope, (page - 1) * size, size).map(found -> {
                // an author is named as the reports name them; the slug only when nothing else is known
                String title = heading != null ? heading
                        : "Reports by " + found.stream().findFirst().map(PublishedReport::authorName).orElse(scope.value());
                // the first page is the WebSub topic; later ones are not
                String about = description != null ? description : title + " on " + views.siteTitle() + ".";
                PageMeta meta = page == 1 ? views.topicMeta(title, about, scope)
                        : views.meta(title, about, scope.pagePath() + "?page=" + page, scope);
                return new Listing(meta, views.cards(found), views.pager(scope.pagePath(), page, total), found);
            });
        });
    }
}
