package dev.herald.feed.http;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import dev.herald.feed.feeds.RenderedFeed;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

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
        response.putHeader("ETag", "\"" + feed.etag() + "\"")
                .putHeader("Last-Modified", httpDate(feed.lastModified()))
                .putHeader("Cache-Control", feed.immutable() ? ARCHIVE : FRESH)
                .putHeader("Vary", "Accept-Encoding")
                .putHeader("Link", hubUrl == null
                        ? "<" + feed.selfUrl() + ">; rel=\"self\""
                        : "<" + feed.selfUrl() + ">; rel=\"self\", <" + hubUrl + ">; rel=\"hub\"");
        if (notModified(request.getHeader("If-None-Match"), request.getHeader("If-Modified-Since"), feed)) {
            response.setStatusCode(304).end();
        } else {
            // Quarkus marks plain routes identity-encoded; feeds compress well, so Vert.x may gzip them as agreed
            response.headers().remove("Content-Encoding");
            response.putHeader("Content-Type", feed.mediaType()).end(Buffer.buffer(feed.body()));
        }
    }

    /**
     * RFC 9110 section 13.2.2: If-None-Match, when sent, decides alone, compared weakly as GET allows (a proxy that
     * compresses may have marked the tag weak); otherwise If-Modified-Since against the newest item.
     */
    static boolean notModified(String ifNoneMatch, String ifModifiedSince, RenderedFeed feed) {
        if (ifNoneMatch != null) {
            return Arrays.stream(ifNoneMatch.split(","))
                    .map(String::trim)
                    .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                    .anyMatch(tag -> tag.equals("*") || tag.equals("\"" + feed.etag() + "\""));
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
