package dev.herald.attendees.event;

import io.smallrye.mutiny.Uni;

/**
 * Announces that part of an event changed (a participant, mentorship, sponsor or talk), inside the caller's
 * transaction. Implemented where the whole event is assembled, above the parts that call it.
 */
public interface EventChanges {

    Uni<Void> updated(Event event);
}
