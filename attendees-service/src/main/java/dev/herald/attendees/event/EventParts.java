package dev.herald.attendees.event;

import java.util.UUID;

import io.smallrye.mutiny.Uni;

/** The writes every part of an event (talk, sponsorship, mentorship) takes, each announcing the event as updated. */
public interface EventParts<I, V> {

    Uni<V> add(String eventSlug, I input);

    Uni<V> update(String eventSlug, UUID id, I input);

    Uni<Void> remove(String eventSlug, UUID id);
}
