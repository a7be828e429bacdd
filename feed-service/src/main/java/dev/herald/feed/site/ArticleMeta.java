package dev.herald.feed.site;

/**
 * What a link preview (Open Graph, Twitter cards) shows of a report beyond title and description: its first image
 * (absolute URL) or null, ISO dates, and its author (the author page's URL, their name when they have none, or null).
 */
public record ArticleMeta(String image, String publishedTime, String modifiedTime, String author) {
}
