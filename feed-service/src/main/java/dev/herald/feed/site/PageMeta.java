package dev.herald.feed.site;

import java.util.List;

/** Head of every page: title, canonical address and the feeds a browser or reader can discover. */
public record PageMeta(String title, String canonicalUrl, List<FeedLinks> feeds) {
}
