package dev.herald.feed.feeds;

import jakarta.enterprise.context.ApplicationScoped;

/** Atom 1.0 (RFC 4287) with RFC 5005 paging and archive links. */
@ApplicationScoped
public class AtomWriter implements FeedWriter {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String HISTORY = "http://purl.org/syndication/history/1.0";
    static final String XML = "http://www.w3.org/XML/1998/namespace";

    @Override
    public FeedFormat format() {
        return FeedFormat.ATOM;
    }

    @Override
    public byte[] write(FeedDocument feed) {
        XmlOut out = new XmlOut(feed.stylesheetUrl());
        out.start("", "feed", ATOM).namespace(null, ATOM).namespace("fh", HISTORY)
                .attribute("xml", XML, "base", feed.homeUrl())
                .attribute("xml", XML, "lang", "en");
        out.element("", "id", ATOM, feed.id());
        out.start("", "title", ATOM).attribute("type", "text").text(feed.title()).end();
        out.start("", "subtitle", ATOM).attribute("type", "text").text(feed.subtitle()).end();
        out.element("", "updated", ATOM, FeedDates.rfc3339(feed.updated()));
        out.start("", "author", ATOM).element("", "name", ATOM, feed.title()).element("", "uri", ATOM, feed.homeUrl()).end();
        link(out, "self", feed.selfUrl(), "application/atom+xml");
        link(out, "alternate", feed.homeUrl(), "text/html");
        link(out, "hub", feed.hubUrl(), null);
        FeedPaging paging = feed.paging();
        link(out, "first", paging.first(), "application/atom+xml");
        link(out, "previous", paging.previous(), "application/atom+xml");
        link(out, "next", paging.next(), "application/atom+xml");
        link(out, "last", paging.last(), "application/atom+xml");
        link(out, "prev-archive", paging.prevArchive(), "application/atom+xml");
        link(out, "next-archive", paging.nextArchive(), "application/atom+xml");
        link(out, "current", paging.current(), "application/atom+xml");
        if (paging.archive()) {
            out.empty("fh", "archive", HISTORY);
        }
        out.start("", "generator", ATOM).attribute("uri", feed.homeUrl()).text("Herald").end();
        for (FeedEntry entry : feed.entries()) {
            entry(out, entry);
        }
        out.end();
        return out.finish();
    }

    private static void entry(XmlOut out, FeedEntry entry) {
        out.start("", "entry", ATOM);
        out.element("", "id", ATOM, entry.urn());
        out.start("", "title", ATOM).attribute("type", "text").text(entry.title()).end();
        link(out, "alternate", entry.url(), "text/html");
        for (Enclosure enclosure : entry.enclosures()) {
            out.empty("", "link", ATOM).attribute("rel", "enclosure").attribute("href", enclosure.url())
                    .attribute("type", enclosure.mediaType());
            if (enclosure.length() > 0) {
                out.attribute("length", Long.toString(enclosure.length()));
            }
        }
        out.element("", "published", ATOM, FeedDates.rfc3339(entry.published()));
        out.element("", "updated", ATOM, FeedDates.rfc3339(entry.updated()));
        out.start("", "author", ATOM).element("", "name", ATOM, entry.author().name());
        if (entry.author().url() != null) {
            out.element("", "uri", ATOM, entry.author().url());
        }
        out.end();
        for (String tag : entry.tags()) {
            out.empty("", "category", ATOM).attribute("term", tag);
        }
        out.start("", "summary", ATOM).attribute("type", "text").text(entry.summary()).end();
        out.start("", "content", ATOM).attribute("type", "html").attribute("xml", XML, "base", entry.url())
                .text(entry.contentHtml()).end();
        out.end();
    }

    private static void link(XmlOut out, String rel, String href, String type) {
        if (href == null) {
            return;
        }
        out.empty("", "link", ATOM).attribute("rel", rel).attribute("href", href);
        if (type != null) {
            out.attribute("type", type);
        }
    }
}
