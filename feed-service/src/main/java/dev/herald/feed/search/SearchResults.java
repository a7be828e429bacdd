package dev.herald.feed.search;

import java.util.List;

/** One page of what a query matched, and how many reports it matched in all. */
record SearchResults(long total, List<SearchHit> hits) {
}
