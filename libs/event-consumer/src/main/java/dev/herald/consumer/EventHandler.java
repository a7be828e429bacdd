package dev.herald.consumer;

import dev.herald.events.HeraldEvent;
import dev.herald.events.Topic;
import io.smallrye.mutiny.Uni;

/**
 * Applies the events of one topic, each decoded into a record of the topic's sealed interface ({@code E}). The
 * returned Uni completes once the change is stored; it fails with {@link UnprocessableEvent} for an event that can
 * never be applied, and with anything else for a failure that can heal (it is then retried). A CDI bean, so that an
 * admin's replay finds the handler of a dead letter's topic.
 */
public interface EventHandler<E extends HeraldEvent> {

    Topic topic();

    Uni<Void> handle(InboundEvent<E> event);
}
