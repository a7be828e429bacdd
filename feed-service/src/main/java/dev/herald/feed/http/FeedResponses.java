package dev.herald.feed.http;

import java.util.Date;
import java.util.Optional;

import dev.herald.feed.feeds.RenderedFeed;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/** Answers a feed request from rendered bytes: 200 with validators, or 304 when the reader's copy is current. */
final class FeedResponses {

    // readers poll often: five minutes of freshness, then a cheap revalidation
    private static final String FRESH = "public, max-age=300";
    // RFC 5005 archive documents never change
    private static final String ARCHIVE = "public, max-age=31536000, immutable";

    private FeedResponses() {
    }

    static Response answer(Request request, Optional<RenderedFeed> rendered, String hubUrl) {
        RenderedFeed feed = rendered.orElseThrow(NotFoundException::new);
        EntityTag etag = new EntityTag(feed.etag());
        Date lastModified = Date.from(feed.lastModified());
        // If-None-Match wins over If-Modified-Since, as RFC 9110 section 13.2.2 orders them
        Response.ResponseBuilder notModified = request.evaluatePreconditions(lastModified, etag);
        Response.ResponseBuilder response = notModified != null
                ? notModified
                : Response.ok(feed.body(), feed.mediaType());
        response.tag(etag).lastModified(lastModified)
                .header("Cache-Control", feed.immutable() ? ARCHIVE : FRESH)
                .header("Vary", "Accept-Encoding")
                .header("Link", "<" + feed.selfUrl() + ">; rel=\"self\"");
        if (hubUrl != null) {
            response.header("Link", "<" + hubUrl + ">; rel=\"hub\"");
        }
        return response.build();
    }
}
