package dev.herald.feed.feeds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;

/** JSON Feed 1.1 with content_html and summary, WebSub hubs and next_url paging. */
@ApplicationScoped
public class JsonFeedWriter implements FeedWriter {

    static final String VERSION = "https://jsonfeed.org/version/1.1";

    // a private mapper: feed bytes must not change with the application's JSON settings
    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public FeedFormat format() {
        return FeedFormat.JSON;
    }

    @Override
    public byte[] write(FeedDocument feed) {
        ObjectNode root = mapper.createObjectNode();
        root.put("version", VERSION);
        root.put("title", feed.title());
        root.put("home_page_url", feed.homeUrl());
        root.put("feed_url", feed.selfUrl());
        root.put("description", feed.subtitle());
        root.put("language", "en");
        root.putArray("authors").addObject().put("name", feed.title()).put("url", feed.homeUrl());
        if (feed.hubUrl() != null) {
            root.putArray("hubs").addObject().put("type", "WebSub").put("url", feed.hubUrl());
        }
        if (feed.paging().next() != null) {
            root.put("next_url", feed.paging().next());
        }
        ArrayNode items = root.putArray("items");
        for (FeedEntry entry : feed.entries()) {
            item(items.addObject(), entry);
        }
        try {
            return mapper.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void item(ObjectNode item, FeedEntry entry) {
        item.put("id", entry.urn());
        item.put("url", entry.url());
        item.put("title", entry.title());
        item.put("content_html", entry.contentHtml());
        item.put("summary", entry.summary());
        entry.enclosures().stream().findFirst().ifPresent(image -> item.put("image", image.url()));
        item.put("date_published", FeedDates.rfc3339(entry.published()));
        item.put("date_modified", FeedDates.rfc3339(entry.updated()));
        ObjectNode author = item.putArray("authors").addObject().put("name", entry.author().name());
        if (entry.author().url() != null) {
            author.put("url", entry.author().url());
        }
        ArrayNode tags = item.putArray("tags");
        entry.tags().forEach(tags::add);
        ArrayNode attachments = item.putArray("attachments");
        for (Enclosure enclosure : entry.enclosures()) {
            ObjectNode attachment = attachments.addObject().put("url", enclosure.url()).put("mime_type", enclosure.mediaType());
            if (enclosure.length() > 0) {
                attachment.put("size_in_bytes", enclosure.length());
            }
        }
    }
}
