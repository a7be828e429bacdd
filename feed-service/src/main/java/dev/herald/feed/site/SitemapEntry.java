package dev.herald.feed.site;

/** One address in the sitemap, with the date it last changed (W3C date-time). */
public record SitemapEntry(String loc, String lastmod) {
}
