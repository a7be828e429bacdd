package dev.herald.feed.site;

/** A link to a year or tag listing with how many reports it holds; {@code current} marks the page being shown. */
public record CountedLink(String label, String url, long count, boolean current) {
}
