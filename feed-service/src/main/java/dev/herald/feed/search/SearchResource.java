package dev.herald.feed.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jboss.resteasy.reactive.RestQuery;

import dev.herald.feed.readmodel.FeedScope;
import dev.herald.feed.site.PageMeta;
import dev.herald.feed.site.Pager;
import dev.herald.feed.site.SiteViews;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The search page: a form, and for a query its ranked results with highlighted snippets, paginated like the site's
 * listings. Whatever the query or page, the answer is a page (200): a blank query shows the form, a query over
 * {@value SearchQuery#MAX_LENGTH} characters says so, an unreadable or non-positive page is the first.
 */
@Path("/search")
@Produces(MediaType.TEXT_HTML)
public class SearchResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(PageMeta meta, String query, boolean tooLong, long total,
                List<ResultCard> results, Pager pager, int page, String firstPage);
    }

    private final SearchRepository search;
    private final SiteViews views;

    SearchResource(SearchRepository search, SiteViews views) {
        this.search = search;
        this.views = views;
    }

    @GET
    public Uni<TemplateInstance> search(@RestQuery String q, @RestQuery String page) {
        String text = SearchQuery.normalize(q);
        int number = pageNumber(page);
        PageMeta meta = views.meta(text.isEmpty() ? "Search" : "Search: " + text, views.siteDescription(), "/search",
                FeedScope.ALL);
        if (text.isEmpty() || SearchQuery.tooLong(text)) {
            return Uni.createFrom().item(Templates.search(meta, text, SearchQuery.tooLong(text), 0, List.of(),
                    new Pager(null, null), number, "/search"));
        }
        int size = views.pageSize();
        String firstPage = "/search?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
        return search.search(SearchQuery.parse(text), (number - 1L) * size, size).map(found -> Templates.search(meta,
                text, false, found.total(), found.hits().stream().map(this::card).toList(),
                pager(firstPage, number, found.total(), size), number, firstPage));
    }

    private ResultCard card(SearchHit hit) {
        return new ResultCard(hit.title(), hit.path(), SiteViews.readable(hit.publishedAt()), SiteViews.datetime(hit.publishedAt()),
                hit.authorName(), hit.authorSlug() == null ? null : FeedScope.author(hit.authorSlug()).pagePath(),
                new RawString(Snippet.html(hit.snippet())));
    }

    private static Pager pager(String path, int page, long total, int size) {
        long pages = (total + size - 1) / size;
        return new Pager(page > 1 && page - 1 <= pages ? path + (page == 2 ? "" : "&page=" + (page - 1)) : null,
                page < pages ? path + "&page=" + (page + 1) : null);
    }

    /** The requested page, counted from 1; anything unreadable or below 1 is the first. */
    private static int pageNumber(String page) {
        try {
            return page == null ? 1 : Math.max(1, Integer.parseInt(page.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
