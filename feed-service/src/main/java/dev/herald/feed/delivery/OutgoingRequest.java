package dev.herald.feed.delivery;

import java.util.Map;

/** A POST to a subscriber: the URL (checked against the address policy when sent), headers and body. */
public record OutgoingRequest(String url, Map<String, String> headers, byte[] body) {
}
