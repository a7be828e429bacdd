package dev.herald.feed.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.herald.feed.feeds.FeedCache;
import dev.herald.feed.feeds.FeedFormat;
import dev.herald.feed.feeds.FeedKey;
import dev.herald.feed.feeds.RenderedFeed;
import dev.herald.feed.readmodel.ErasedAuthors;
import dev.herald.feed.readmodel.FeedScope;
import dev.herald.problem.InvalidParameterException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The public feeds: RSS, Atom and JSON Feed for all reports and per tag, author and event, paged with
 * {@code ?page=n}, plus an Atom archive document per month. Plain Vert.x routes serving rendered bytes from memory:
 * feed readers poll all day, so a poll costs no query, no serialisation and no framework layer.
 * <p>
 * Feeds need no token, so their routes come before Quarkus' filters (authentication and authorization, and Quarkus
 * REST's per-request URI template lookup for metrics), as a static file server would serve them; a request they pass
 * on ({@code context.next()}) meets those filters as any other.
 */
@ApplicationScoped
class FeedRoutes {

    private static final String SCOPE = "/(feeds|tags/[^/]+|authors/[^/]+|events/[^/]+)";
    private static final Pattern FEED = Pattern.compile(SCOPE + "/(rss\\.xml|atom\\.xml|feed\\.json)");
    private static final Pattern ARCHIVE = Pattern.compile(SCOPE + "/archive/([0-9]{4}-(?:0[1-9]|1[0-2]))/atom\\.xml");
    private static final Pattern PAGE = Pattern.compile("[0-9]{1,6}");
    // a prefix route is a string comparison, where a regex route runs its pattern and decodes its groups per request
    private static final List<String> SCOPE_PREFIXES = List.of("/feeds/*", "/tags/*", "/authors/*", "/events/*");

    // after Quarkus' body handler and before its filters, whose order is minus their priority
    private static final int BEFORE_FILTERS = RouteConstants.ROUTE_ORDER_BODY_HANDLER + 1;

    private final FeedCache cache;
    private final ErasedAuthors erasedAuthors;

    FeedRoutes(FeedCache cache, ErasedAuthors erasedAuthors) {
        this.cache = cache;
        this.erasedAuthors = erasedAuthors;
    }

    void install(@Observes Router router) {
        for (String prefix : SCOPE_PREFIXES) {
            router.route(prefix).order(BEFORE_FILTERS).method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::document);
        }
    }

    /** A feed page or a month's archive; any other address under a scope (the site's pages) goes on to its route. */
    private void document(RoutingContext context) {
        String path = context.normalizedPath();
        Matcher feed = FEED.matcher(path);
        if (feed.matches()) {
            String page = context.request().query() == null ? null : context.queryParams().get("page");
            if (page != null && !PAGE.matcher(page).matches()) {
                context.fail(new InvalidParameterException("page", "must be a whole number below 1000000"));
                return;
            }
            serve(context, FeedKey.page(scope(feed.group(1)), FeedFormat.ofFileName(feed.group(2)),
                    page == null ? 1 : Integer.parseInt(page)));
            return;
        }
        Matcher archive = ARCHIVE.matcher(path);
        if (archive.matches()) {
            serve(context, FeedKey.archive(scope(archive.group(1)), YearMonth.parse(archive.group(2))));
            return;
        }
        context.next();
    }

    private void serve(RoutingContext context, FeedKey key) {
        if (key.scope().kind() != FeedScope.Kind.AUTHOR) {
            answer(context, key);
            return;
        }
        erasedAuthors.isErased(key.scope().value()).subscribe().with(gone -> {
            if (gone) {
                // readers drop a feed that answers 410 instead of polling it forever
                context.response().setStatusCode(410).putHeader("Content-Type", "text/plain; charset=utf-8")
                        .end("Gone: the person these reports were listed by asked to be removed.\n");
            } else {
                answer(context, key);
            }
        }, context::fail);
    }

    private void answer(RoutingContext context, FeedKey key) {
        // a document already rendered is answered at once: a poll subscribes to nothing
        RenderedFeed ready = cache.ready(key);
        if (ready != null) {
            FeedResponses.answer(context.request(), context.response(), ready);
            return;
        }
        cache.get(key).subscribe().with(rendered -> {
            if (rendered.isEmpty()) {
                context.next();
            } else {
                FeedResponses.answer(context.request(), context.response(), rendered.get());
            }
        }, context::fail);
    }

    private static FeedScope scope(String path) {
        if (path.equals("feeds")) {
            return FeedScope.ALL;
        }
        int slash = path.indexOf('/');
        String value = URLDecoder.decode(path.substring(slash + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
        return switch (path.substring(0, slash)) {
            case "tags" -> FeedScope.tag(value);
            case "authors" -> FeedScope.author(value);
            default -> FeedScope.event(value);
        };
    }
}
