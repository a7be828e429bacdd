package dev.herald.feed.http;

import java.net.SocketException;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.herald.problem.ProblemMappers;
import dev.herald.problem.Unavailable;
import io.vertx.core.VertxException;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** A page that cannot be rendered because the database is away is answered as it was last rendered, if it was. */
public class StalePageOnOutage {

    private final StalePages stale;

    StalePageOnOutage(StalePages stale) {
        this.stale = stale;
    }

    @ServerExceptionMapper
    public Response connectionBroken(SocketException e, Request request, UriInfo uri) {
        return lastRendered(e, request, uri);
    }

    /** A lost connection, or PostgreSQL refusing connections while it shuts down or recovers. */
    @ServerExceptionMapper
    public Response databaseAway(VertxException e, Request request, UriInfo uri) {
        return lastRendered(e, request, uri);
    }

    private Response lastRendered(Throwable e, Request request, UriInfo uri) {
        boolean read = (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))
                && Unavailable.is(e);
        return stale.lastRendered(PageCaching.address(uri)).filter(html -> read)
                // no validators: a revalidation must reach a page rendered from the database again
                .map(html -> Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                        .header(HttpHeaders.CACHE_CONTROL, "no-cache").build())
                .orElseGet(() -> ProblemMappers.failed(e, request.getMethod(), uri.getPath()));
    }
}
