package dev.herald.feed.http;

import java.util.Locale;
import java.util.Set;

/** Reads Accept (RFC 9110 section 12.5.1) for the one choice a feed has: the browser view or the feed media type. */
final class AcceptMedia {

    // the types a feed is served as; application/xhtml+xml, which browsers also send, asks for a page
    private static final Set<String> FEED_TYPES = Set.of("application/xml", "text/xml", "application/atom+xml",
            "application/rss+xml");

    private AcceptMedia() {
    }

    /**
     * A browser navigation: text/html accepted and weighted at least as high as every XML type it names. Feed readers
     * send their feed types, {@code *}{@code /*} or nothing, and keep the feed media type.
     */
    static boolean prefersHtml(String header) {
        // most polls name no text/html: they are answered without parsing
        if (header == null || !header.toLowerCase(Locale.ROOT).contains("text/html")) {
            return false;
        }
        double html = 0;
        double xml = 0;
        for (String element : header.split(",")) {
            String[] parts = element.split(";");
            String range = parts[0].trim().toLowerCase(Locale.ROOT);
            double quality = AcceptEncoding.quality(parts);
            if (range.equals("text/html")) {
                html = Math.max(html, quality);
            } else if (FEED_TYPES.contains(range)) {
                xml = Math.max(xml, quality);
            }
        }
        return html > 0 && html >= xml;
    }
}
