package dev.herald.infra;

import java.util.List;
import java.util.Map;

/**
 * A Kafka topic Herald uses: its partition count and the topic configuration it is created with. deploy/k8s (Strimzi
 * KafkaTopics) and docker-compose.yml must say the same; deploy/manifest-checks reads this file to check that they do.
 */
public record TopicSpec(String name, int partitions, Map<String, String> config) {

    /** The largest record an event topic takes; producers set {@code max.request.size} to it and no larger. */
    public static final int MAX_MESSAGE_BYTES = 4194304;

    /**
     * Event topics keep the latest event per key forever, so that a new consumer rebuilds today's state from them.
     * Superseded events stay at least a day (consumers that lag see each one) and go within a week: an erased person's
     * earlier events leave the log then.
     */
    static final Map<String, String> EVENT_LOG = Map.of(
            "cleanup.policy", "compact",
            "max.message.bytes", "4194304",
            "segment.ms", "86400000",
            "min.compaction.lag.ms", "86400000",
            "max.compaction.lag.ms", "604800000",
            "delete.retention.ms", "86400000");

    /** Dead letters: the original record plus the reason headers, kept 30 days for an operator to look at. */
    static final Map<String, String> DEAD_LETTERS = Map.of(
            "cleanup.policy", "delete",
            "max.message.bytes", "4259840",
            "retention.ms", "2592000000");

    /**
     * Notifications for internal consumers (a webhook subscription disabled): signals to act on, not state to rebuild
     * from (feed-service's API has the current state, and a later re-enabling is no event), so a week of them is kept
     * rather than the latest per key forever.
     */
    static final Map<String, String> NOTIFICATIONS = Map.of(
            "cleanup.policy", "delete",
            "max.message.bytes", "4194304",
            "retention.ms", "604800000");

    /** Every topic of the system; keyed by aggregate id, so partitions only bound consumer parallelism. */
    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec("attendees.events", 3, EVENT_LOG),
            new TopicSpec("reports.events", 3, EVENT_LOG),
            new TopicSpec("attendees.events.dlq", 1, DEAD_LETTERS),
            new TopicSpec("reports.events.dlq", 1, DEAD_LETTERS),
            new TopicSpec("notifications.events", 3, NOTIFICATIONS));
}
