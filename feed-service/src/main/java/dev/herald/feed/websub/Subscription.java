package dev.herald.feed.websub;

import java.util.UUID;

/** A verified, unexpired subscription: where to distribute which topic, with the subscriber's secret sealed (or null). */
record Subscription(UUID id, String callback, Topic topic, String sealedSecret) {
}
