package dev.herald.feed.feeds;

/** The formats every feed is offered in, with the file name and media type readers expect. */
public enum FeedFormat {
    RSS("rss.xml", "application/rss+xml; charset=utf-8"),
    ATOM("atom.xml", "application/atom+xml; charset=utf-8"),
    JSON("feed.json", "application/feed+json; charset=utf-8");

    private final String fileName;
    private final String mediaType;

    FeedFormat(String fileName, String mediaType) {
        this.fileName = fileName;
        this.mediaType = mediaType;
    }

    public String fileName() {
        return fileName;
    }

    public String mediaType() {
        return mediaType;
    }

    public static FeedFormat ofFileName(String fileName) {
        for (FeedFormat format : values()) {
            if (format.fileName.equals(fileName)) {
                return format;
            }
        }
        throw new IllegalArgumentException("no feed format is named " + fileName);
    }
}
