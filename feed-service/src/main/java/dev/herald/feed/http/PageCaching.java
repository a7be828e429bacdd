package dev.herald.feed.http;

import java.nio.charset.StandardCharsets;
import java.util.Date;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.herald.feed.feeds.Revalidation;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/**
 * Validators and freshness for every HTML page the site (dev.herald.feed.site) renders: a strong ETag hashed from the bytes sent (so it changes
 * whenever the read model changes what the page shows, which is the invalidation), Cache-Control, and 304 when the
 * reader's copy is current. Error pages (404, 410) are left alone: only 200 responses are touched.
 */
public class PageCaching {

    private final StalePages stale;

    PageCaching(StalePages stale) {
        this.stale = stale;
    }

    // pages change when reports are published; a minute of freshness, then a cheap revalidation (feeds keep 300)
    static final String CACHE_CONTROL = "public, max-age=60";

    /**
     * Runs after Qute's TemplateResponseFilter (priority USER; response filters run from the highest priority down),
     * so the entity is the rendered String by now.
     */
    @ServerResponseFilter(priority = Priorities.USER - 100)
    public void validate(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 200 || !(response.getEntity() instanceof String html)
                || !MediaType.TEXT_HTML_TYPE.isCompatible(response.getMediaType())
                || !(HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))
                || "no-cache".equals(response.getHeaderString(HttpHeaders.CACHE_CONTROL))) {
            return;
        }
        stale.remember(address(request.getUriInfo()), html);
        String tag = Revalidation.tag(html.getBytes(StandardCharsets.UTF_8));
        // Vert.x compresses text/html for clients that accept it: those bytes are not the ones hashed, so the tag they
        // carry is weak (as nginx weakens tags when it gzips)
        String etag = AcceptEncoding.compressedByVertx(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING)) ? "W/" + tag
                : tag;
        var headers = response.getHeaders();
        headers.putSingle(HttpHeaders.ETAG, etag);
        headers.putSingle(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        headers.putSingle(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        Date lastModified = response.getLastModified();
        if (Revalidation.notModified(request.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE), tag,
                lastModified == null ? null : lastModified.toInstant())) {
            response.setStatus(304);
            response.setEntity(null);
            headers.remove(HttpHeaders.CONTENT_TYPE);
        }
    }

    /** The page's address as a reader asked for it: path and query. */
    static String address(UriInfo uri) {
        return uri.getRequestUri().getRawPath() + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
    }
}
