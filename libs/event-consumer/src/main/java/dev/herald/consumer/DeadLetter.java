package dev.herald.consumer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A record that could not be processed, as it was on its topic, with why; replayedAt is set once a replay applied it. */
public record DeadLetter(UUID id, String topic, int partition, long offset, String key, String value,
        List<RecordHeader> headers, String reason, String detail, Instant deadLetteredAt, Instant replayedAt) {

    /** A Kafka header; CloudEvents headers are text. */
    public record RecordHeader(String name, String value) {
    }
}
