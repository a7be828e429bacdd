package dev.herald.feed.http;

import java.util.Arrays;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import dev.herald.feed.feeds.FeedCache;
import dev.herald.feed.feeds.FeedConfig;
import dev.herald.feed.feeds.FeedFormat;
import dev.herald.feed.feeds.FeedKey;
import dev.herald.feed.readmodel.FeedScope;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The public feeds: RSS, Atom and JSON Feed for all reports and per tag, author and event, paged with
 * {@code ?page=n}, plus immutable Atom archive documents. Served from rendered bytes, never rendered per request.
 */
@Path("/")
public class FeedResource {

    private static final String FILE = "{file: rss\\.xml|atom\\.xml|feed\\.json}";

    private final FeedCache cache;
    private final FeedConfig config;

    FeedResource(FeedCache cache, FeedConfig config) {
        this.cache = cache;
        this.config = config;
    }

    @GET
    @Path("feeds/" + FILE)
    public Uni<Response> all(@RestPath String file, @RestQuery Integer page, @Context HttpHeaders request) {
        return feed(FeedScope.ALL, file, page, request);
    }

    @GET
    @Path("tags/{tag}/" + FILE)
    public Uni<Response> tag(@RestPath String tag, @RestPath String file, @RestQuery Integer page, @Context HttpHeaders request) {
        return feed(FeedScope.tag(tag), file, page, request);
    }

    @GET
    @Path("authors/{slug}/" + FILE)
    public Uni<Response> author(@RestPath String slug, @RestPath String file, @RestQuery Integer page,
            @Context HttpHeaders request) {
        return feed(FeedScope.author(slug), file, page, request);
    }

    @GET
    @Path("events/{slug}/" + FILE)
    public Uni<Response> event(@RestPath String slug, @RestPath String file, @RestQuery Integer page,
            @Context HttpHeaders request) {
        return feed(FeedScope.event(slug), file, page, request);
    }

    @GET
    @Path("feeds/archive/{n: [0-9]{1,6}}/atom.xml")
    public Uni<Response> allArchive(@RestPath int n, @Context HttpHeaders request) {
        return archive(FeedScope.ALL, n, request);
    }

    @GET
    @Path("tags/{tag}/archive/{n: [0-9]{1,6}}/atom.xml")
    public Uni<Response> tagArchive(@RestPath String tag, @RestPath int n, @Context HttpHeaders request) {
        return archive(FeedScope.tag(tag), n, request);
    }

    @GET
    @Path("authors/{slug}/archive/{n: [0-9]{1,6}}/atom.xml")
    public Uni<Response> authorArchive(@RestPath String slug, @RestPath int n, @Context HttpHeaders request) {
        return archive(FeedScope.author(slug), n, request);
    }

    @GET
    @Path("events/{slug}/archive/{n: [0-9]{1,6}}/atom.xml")
    public Uni<Response> eventArchive(@RestPath String slug, @RestPath int n, @Context HttpHeaders request) {
        return archive(FeedScope.event(slug), n, request);
    }

    private Uni<Response> feed(FeedScope scope, String file, Integer page, HttpHeaders request) {
        FeedFormat format = Arrays.stream(FeedFormat.values()).filter(f -> f.fileName().equals(file)).findFirst()
                .orElseThrow(NotFoundException::new);
        return respond(FeedKey.page(scope, format, page == null ? 1 : page), request);
    }

    private Uni<Response> archive(FeedScope scope, int n, HttpHeaders request) {
        return respond(FeedKey.archive(scope, n), request);
    }

    private Uni<Response> respond(FeedKey key, HttpHeaders request) {
        return cache.get(key).map(rendered -> FeedResponses.answer(request, rendered, config.hubUrl().orElse(null)));
    }
}
