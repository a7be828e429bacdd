package dev.herald.feed.feeds;

import jakarta.enterprise.context.ApplicationScoped;

/** RSS 2.0 with the full text in content:encoded, the author in dc:creator and Atom self, hub and paging links. */
@ApplicationScoped
public class RssWriter implements FeedWriter {

    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String DC = "http://purl.org/dc/elements/1.1/";

    @Override
    public FeedFormat format() {
        return FeedFormat.RSS;
    }

    @Override
    public byte[] write(FeedDocument feed) {
        XmlOut out = new XmlOut(feed.stylesheetUrl());
        out.start("rss").attribute("version", "2.0")
                .namespace("atom", AtomWriter.ATOM).namespace("content", CONTENT).namespace("dc", DC);
        out.start("channel");
        out.element("title", feed.title());
        out.element("link", feed.homeUrl());
        out.element("description", feed.subtitle());
        out.element("language", "en");
        out.element("lastBuildDate", FeedDates.rfc822(feed.updated()));
        out.element("generator", "Herald");
        link(out, "self", feed.selfUrl(), "application/rss+xml");
        link(out, "hub", feed.hubUrl(), null);
        link(out, "first", feed.paging().first(), "application/rss+xml");
        link(out, "previous", feed.paging().previous(), "application/rss+xml");
        link(out, "next", feed.paging().next(), "application/rss+xml");
        link(out, "last", feed.paging().last(), "application/rss+xml");
        for (FeedEntry entry : feed.entries()) {
            item(out, entry);
        }
        out.end().end();
        return out.finish();
    }

    private static void item(XmlOut out, FeedEntry entry) {
        out.start("item");
        out.element("title", entry.title());
        out.element("link", entry.url());
        out.element("description", entry.summary());
        out.element("content", "encoded", CONTENT, entry.contentHtml());
        out.element("dc", "creator", DC, entry.author().name());
        out.start("guid").attribute("isPermaLink", "false").text(entry.urn()).end();
        out.element("pubDate", FeedDates.rfc822(entry.published()));
        for (String tag : entry.tags()) {
            out.element("category", tag);
        }
        // RSS 2.0 allows one enclosure per item: the first image
        entry.enclosures().stream().findFirst().ifPresent(enclosure -> out.empty("enclosure")
                .attribute("url", enclosure.url())
                .attribute("length", Long.toString(enclosure.length()))
                .attribute("type", enclosure.mediaType()));
        out.end();
    }

    private static void link(XmlOut out, String rel, String href, String type) {
        if (href == null) {
            return;
        }
        out.empty("atom", "link", AtomWriter.ATOM).attribute("rel", rel).attribute("href", href);
        if (type != null) {
            out.attribute("type", type);
        }
    }
}
