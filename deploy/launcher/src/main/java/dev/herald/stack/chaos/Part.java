package dev.herald.stack.chaos;

import java.util.List;

/** What the chaos run kills and starts again; feed-service runs as two replicas so that one serves while the other is down. */
enum Part {
    KAFKA("Kafka broker"),
    POSTGRES("PostgreSQL"),
    ATTENDEES("attendees-service"),
    CONTENT("content-service"),
    FEED_1("feed-service replica 1"),
    FEED_2("feed-service replica 2");

    static final List<Part> SERVICES = List.of(ATTENDEES, CONTENT, FEED_1, FEED_2);

    private final String label;

    Part(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
