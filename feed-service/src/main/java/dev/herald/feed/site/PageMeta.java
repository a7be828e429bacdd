package dev.herald.feed.site;

import java.util.List;

/**
 * Head of every page: title, description, canonical address and the feeds a browser or reader can discover; a page
 * that is a WebSub topic also names the hub and itself ({@code selfUrl}), both null otherwise. A report page carries
 * its {@code article} tags for link previews; {@code structuredData} is the page's JSON-LD, escaped for a script
 * element, or null.
 */
public record PageMeta(String title, String description, String canonicalUrl, List<FeedLinks> feeds, String hubUrl,
        String selfUrl, ArticleMeta article, String structuredData) {

    /** The Link header of a topic page (WebSub 4: hub and self, as in the head), or null. */
    String linkHeader() {
        return hubUrl == null ? null : "<" + hubUrl + ">; rel=\"hub\", <" + selfUrl + ">; rel=\"self\"";
    }

    PageMeta withStructuredData(String json) {
        return new PageMeta(title, description, canonicalUrl, feeds, hubUrl, selfUrl, article, json);
    }
}
