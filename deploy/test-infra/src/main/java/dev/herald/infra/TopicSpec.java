package dev.herald.infra;

import java.util.List;

/** A Kafka topic Herald uses, with the partition count it is created with. */
public record TopicSpec(String name, int partitions) {

    /** Every topic of the system; keyed by aggregate id, so partitions only bound consumer parallelism. */
    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec("attendees.events", 3),
            new TopicSpec("reports.events", 3),
            new TopicSpec("attendees.events.dlq", 1),
            new TopicSpec("reports.events.dlq", 1));
}
