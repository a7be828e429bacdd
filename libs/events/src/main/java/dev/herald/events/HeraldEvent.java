package dev.herald.events;

import java.util.UUID;

/**
 * The data of a CloudEvent Herald publishes. Each record class is one type (or, for types whose data is the same,
 * one class per type over a shared state record), so {@link EventType#of} names it.
 */
public interface HeraldEvent {

    /** The aggregate the event is about: the data's {@code id} and the Kafka record key. */
    UUID id();

    /** The CloudEvents {@code subject}, as the topic's README documents it; null when there is none to give. */
    String subject();

    default EventType type() {
        return EventType.of(this);
    }
}
