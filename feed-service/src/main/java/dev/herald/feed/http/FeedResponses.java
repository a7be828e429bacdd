package dev.herald.feed.http;

import dev.herald.feed.feeds.EncodedBody;
import dev.herald.feed.feeds.RenderedFeed;
import dev.herald.feed.feeds.Revalidation;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;

/**
 * Answers a feed request from rendered bytes: 200 with validators, or 304 when the reader's copy is current. Every
 * header value is computed once per document (RenderedFeed) or once here; a request only picks among them.
 */
final class FeedResponses {

    // readers poll often: five minutes of freshness, then a cheap revalidation
    private static final CharSequence FRESH = HttpHeaders.createOptimized("public, max-age=300");
    // a month's archive changes only when one of its reports is edited, unpublished or back-dated into it
    private static final CharSequence ARCHIVE = HttpHeaders.createOptimized("public, max-age=86400");
    private static final CharSequence LINK = HttpHeaders.createOptimized("Link");
    private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");
    private static final CharSequence BY_TYPE_AND_ENCODING = HttpHeaders.createOptimized("Accept, Accept-Encoding");

    private FeedResponses() {
    }

    static void answer(HttpServerRequest request, HttpServerResponse response, RenderedFeed feed) {
        String acceptEncoding = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        boolean gzip = AcceptEncoding.prefersGzip(acceptEncoding);
        boolean browser = AcceptMedia.prefersHtml(request.getHeader(HttpHeaders.ACCEPT));
        EncodedBody selected = browser ? (gzip ? feed.browserGzip() : feed.browserIdentity())
                : gzip ? feed.gzip() : feed.identity();
        // Vert.x's HTTP/2 encoder compresses whatever is marked gzip: there it gets the identity bytes, and its output,
        // not byte for byte ours, carries the weak form of our tag (as nginx weakens tags when it gzips)
        boolean compressedByVertx = gzip && request.version() == HttpVersion.HTTP_2;
        MultiMap headers = response.headers();
        headers.set(HttpHeaders.ETAG, compressedByVertx ? "W/" + selected.etag() : selected.etag())
                .set(HttpHeaders.LAST_MODIFIED, feed.lastModifiedHeader())
                .set(HttpHeaders.CACHE_CONTROL, feed.archive() ? ARCHIVE : FRESH)
                .set(HttpHeaders.VARY, BY_TYPE_AND_ENCODING);
        if (Revalidation.notModified(request.getHeader(HttpHeaders.IF_NONE_MATCH),
                request.getHeader(HttpHeaders.IF_MODIFIED_SINCE), selected.etag(), feed.lastModified())) {
            response.setStatusCode(304).end();
            return;
        }
        // WebSub discovery is no cache metadata, which is all a 304 carries (RFC 9110 15.4.5)
        headers.set(LINK, feed.link());
        // a Content-Encoding keeps Vert.x's compressor from sending other bytes under our tag; "identity" is needed
        // (and HTTP/2 passes it on) only when the client accepts some coding Vert.x could apply
        if (gzip) {
            headers.set(HttpHeaders.CONTENT_ENCODING, GZIP);
        } else if (acceptEncoding == null) {
            headers.remove(HttpHeaders.CONTENT_ENCODING);
        } else {
            headers.set(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
        }
        headers.set(HttpHeaders.CONTENT_TYPE, browser ? feed.browserMediaType() : feed.mediaType());
        response.end(compressedByVertx ? feed.identity().buffer() : selected.buffer());
    }
}
