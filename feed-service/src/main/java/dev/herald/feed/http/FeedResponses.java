package dev.herald.feed.http;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.Optional;

import dev.herald.feed.feeds.RenderedFeed;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Answers a feed request from rendered bytes: 200 with validators, or 304 when the reader's copy is current. */
final class FeedResponses {

    // readers poll often: five minutes of freshness, then a cheap revalidation
    private static final String FRESH = "public, max-age=300";
    // RFC 5005 archive documents never change
    private static final String ARCHIVE = "public, max-age=31536000, immutable";

    private FeedResponses() {
    }

    static Response answer(HttpHeaders request, Optional<RenderedFeed> rendered, String hubUrl) {
        RenderedFeed feed = rendered.orElseThrow(NotFoundException::new);
        Response.ResponseBuilder response = notModified(request, feed)
                ? Response.notModified()
                : Response.ok(feed.body(), feed.mediaType());
        response.tag(new EntityTag(feed.etag()))
                .lastModified(Date.from(feed.lastModified()))
                .header("Cache-Control", feed.immutable() ? ARCHIVE : FRESH)
                .header("Vary", "Accept-Encoding")
                .header("Link", "<" + feed.selfUrl() + ">; rel=\"self\"");
        if (hubUrl != null) {
            response.header("Link", "<" + hubUrl + ">; rel=\"hub\"");
        }
        return response.build();
    }

    /**
     * RFC 9110 section 13.2.2: If-None-Match, when sent, decides alone, compared weakly as GET allows (a proxy that
     * compresses may have marked the tag weak); otherwise If-Modified-Since against the newest item.
     */
    static boolean notModified(HttpHeaders request, RenderedFeed feed) {
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return Arrays.stream(ifNoneMatch.split(","))
                    .map(String::trim)
                    .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                    .anyMatch(tag -> tag.equals("*") || tag.equals("\"" + feed.etag() + "\""));
        }
        String ifModifiedSince = request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE);
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
}
