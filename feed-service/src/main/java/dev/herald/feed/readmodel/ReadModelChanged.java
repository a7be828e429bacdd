package dev.herald.feed.readmodel;

import java.util.UUID;

/** Fired after a transaction that changed the read model has committed. */
public record ReadModelChanged(UUID reportId) {
}
