package dev.herald.feed.site;

/** The three formats of one feed, for autodiscovery links in the page head. */
public record FeedLinks(String title, String atom, String rss, String json) {
}
