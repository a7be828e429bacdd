package dev.herald.feed.feeds;

/** Serialises a feed document in one format. */
public interface FeedWriter {

    FeedFormat format();

    byte[] write(FeedDocument feed);
}
