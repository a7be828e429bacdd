package dev.herald.feed.feeds;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * A feed document ready to serve, as identity bytes and precompressed gzip bytes, each with its own strong ETag
 * (RFC 9110 section 8.8.3: a strong validator changes with the content coding), what revalidation needs, and the
 * header values that are the same for every request, written once per document rather than once per request.
 * RSS and Atom also have a browser view: the same bytes as {@code application/xml}, to which browsers apply feed.xsl,
 * under tags of their own; JSON Feed's browser view is the feed itself.
 */
public record RenderedFeed(EncodedBody identity, EncodedBody gzip, String mediaType, EncodedBody browserIdentity,
        EncodedBody browserGzip, String browserMediaType, Instant lastModified, String lastModifiedHeader, String link,
        boolean archive, boolean lastPage) {

    static final String BROWSER_MEDIA_TYPE = "application/xml; charset=utf-8";

    // IMF-fixdate (RFC 9110 section 5.6.7): two-digit day, GMT
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH);

    static RenderedFeed of(byte[] body, FeedFormat format, FeedDocument document, boolean archive) {
        // HTTP dates have whole seconds: a finer Last-Modified would never compare equal to If-Modified-Since
        Instant lastModified = document.updated().truncatedTo(ChronoUnit.SECONDS);
        EncodedBody identity = EncodedBody.of(body);
        EncodedBody gzip = EncodedBody.of(Gzip.compress(body));
        boolean xml = format != FeedFormat.JSON;
        return new RenderedFeed(identity, gzip, format.mediaType(), xml ? identity.taggedAs("xml") : identity,
                xml ? gzip.taggedAs("xml") : gzip, xml ? BROWSER_MEDIA_TYPE : format.mediaType(), lastModified,
                HTTP_DATE.format(lastModified.atZone(ZoneOffset.UTC)), link(document), archive, document.paging().next() == null);
    }

    // the hub is advertised by WebSub topics only (the first page of each feed), the document's own address by all
    private static String link(FeedDocument document) {
        String self = "<" + document.selfUrl() + ">; rel=\"self\"";
        return document.hubUrl() == null ? self : self + ", <" + document.hubUrl() + ">; rel=\"hub\"";
    }
}
