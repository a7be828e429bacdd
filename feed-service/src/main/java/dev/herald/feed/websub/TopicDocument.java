package dev.herald.feed.websub;

/** A topic's current content, as distributed: its media type and bytes. */
record TopicDocument(String contentType, byte[] body) {
}
