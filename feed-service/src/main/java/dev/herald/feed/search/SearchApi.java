package dev.herald.feed.search;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.herald.feed.site.SiteViews;
import dev.herald.paging.Page;
import dev.herald.paging.PageRequest;
import dev.herald.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Search for clients, public like the feeds: the search page's results as JSON, paged like every listing. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchApi {

    private final SearchRepository search;
    private final SiteViews views;

    SearchApi(SearchRepository search, SiteViews views) {
        this.search = search;
        this.views = views;
    }

    @GET
    @Operation(summary = "Published reports matching a full-text query, best first, with highlighted HTML snippets")
    public Uni<Page<SearchResult>> search(@Parameter(description = "Words (all must match, English stemming), \"quoted"
            + " phrases\"; the last word also matches as a prefix. 1 to " + SearchQuery.MAX_LENGTH + " characters")
            @QueryParam("q") String q, @Valid @BeanParam PageRequest paging) {
        String text = SearchQuery.normalize(q);
        if (text.isEmpty()) {
            throw ProblemException.invalid("q", "must not be blank");
        }
        if (SearchQuery.tooLong(text)) {
            throw ProblemException.invalid("q", "must be at most " + SearchQuery.MAX_LENGTH + " characters");
        }
        return search.search(SearchQuery.parse(text), paging.offset(), paging.size)
                .map(found -> Page.of(found.hits().stream().map(this::result).toList(), paging, found.total()));
    }

    private SearchResult result(SearchHit hit) {
        return new SearchResult(hit.title(), views.absolute(hit.path()), hit.publishedAt(), hit.authorName(),
                Snippet.html(hit.snippet()), hit.rank());
    }
}
