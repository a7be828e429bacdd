package dev.herald.events;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/** The Kafka topics Herald's events travel on, each with the one service that writes it (the CloudEvents source). */
public enum Topic {
    ATTENDEES("attendees.events", "/herald/attendees-service", AttendeesEvent.class),
    REPORTS("reports.events", "/herald/content-service", ReportsEvent.class),
    NOTIFICATIONS("notifications.events", "/herald/feed-service", NotificationsEvent.class);

    private final String kafkaTopic;
    private final URI source;
    private final Class<? extends HeraldEvent> events;

    Topic(String kafkaTopic, String source, Class<? extends HeraldEvent> events) {
        this.kafkaTopic = kafkaTopic;
        this.source = URI.create(source);
        this.events = events;
    }

    public String kafkaTopic() {
        return kafkaTopic;
    }

    /** The CloudEvents {@code source} of every event on the topic: {@code /herald/<service>}. */
    public URI source() {
        return source;
    }

    /** The sealed interface every event of the topic implements. */
    public Class<? extends HeraldEvent> events() {
        return events;
    }

    /** The folder of docs/events holding the topic's schemas: the topic name without {@code .events}. */
    public String folder() {
        return kafkaTopic.substring(0, kafkaTopic.length() - ".events".length());
    }

    public static Optional<Topic> named(String kafkaTopic) {
        return Arrays.stream(values()).filter(topic -> topic.kafkaTopic.equals(kafkaTopic)).findFirst();
    }
}
