package dev.herald.feed.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import dev.herald.feed.feeds.EncodedBody;
import dev.herald.feed.feeds.RenderedFeed;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;

/** Answers a feed request from rendered bytes: 200 with validators, or 304 when the reader's copy is current. */
final class FeedResponses {

    // readers poll often: five minutes of freshness, then a cheap revalidation
    private static final String FRESH = "public, max-age=300";
    // RFC 5005 archive documents never change
    private static final String ARCHIVE = "public, max-age=31536000, immutable";

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

    private FeedResponses() {
    }

    static void answer(HttpServerRequest request, HttpServerResponse response, RenderedFeed feed, String hubUrl) {
        String acceptEncoding = request.getHeader("Accept-Encoding");
        boolean gzip = AcceptEncoding.prefersGzip(acceptEncoding);
        EncodedBody selected = gzip ? feed.gzip() : feed.identity();
        // Vert.x's HTTP/2 encoder compresses whatever is marked gzip: there it gets the identity bytes, and its output,
        // not byte for byte ours, carries the weak form of our tag (as nginx weakens tags when it gzips)
        boolean compressedByVertx = gzip && request.version() == HttpVersion.HTTP_2;
        response.putHeader("ETag", compressedByVertx ? "W/" + selected.etag() : selected.etag())
                .putHeader("Last-Modified", httpDate(feed.lastModified()))
                .putHeader("Cache-Control", feed.immutable() ? ARCHIVE : FRESH)
                .putHeader("Vary", "Accept-Encoding")
                .putHeader("Link", hubUrl == null
                        ? "<" + feed.selfUrl() + ">; rel=\"self\""
                        : "<" + feed.selfUrl() + ">; rel=\"self\", <" + hubUrl + ">; rel=\"hub\"");
        if (notModified(request.getHeader("If-None-Match"), request.getHeader("If-Modified-Since"), selected, feed)) {
            response.setStatusCode(304).end();
            return;
        }
        // a Content-Encoding keeps Vert.x's compressor from sending other bytes under our tag; "identity" is needed
        // (and HTTP/2 passes it on) only when the client accepts some coding Vert.x could apply
        if (gzip) {
            response.putHeader("Content-Encoding", "gzip");
        } else if (acceptEncoding == null) {
            response.headers().remove("Content-Encoding");
        } else {
            response.putHeader("Content-Encoding", "identity");
        }
        byte[] body = compressedByVertx ? feed.identity().bytes() : selected.bytes();
        response.putHeader("Content-Type", feed.mediaType()).end(Buffer.buffer(body));
    }

    /**
     * RFC 9110 section 13.2.2: If-None-Match, when sent, decides alone, compared weakly as GET allows (a proxy that
     * compresses may have marked the tag weak); otherwise If-Modified-Since against the newest item.
     * Only the selected representation's tag matches (13.1.2): an identity tag with gzip accepted gets 200 and gzip.
     */
    static boolean notModified(String ifNoneMatch, String ifModifiedSince, EncodedBody selected, RenderedFeed feed) {
        if (ifNoneMatch != null) {
            return Arrays.stream(ifNoneMatch.split(","))
                    .map(String::trim)
                    .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                    .anyMatch(tag -> tag.equals("*") || tag.equals(selected.etag()));
        }
        if (ifModifiedSince != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !feed.lastModified().isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    // IMF-fixdate (RFC 9110 section 5.6.7): two-digit day, GMT
    private static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant.atZone(ZoneOffset.UTC));
    }
}
