package dev.herald.feed.readmodel;

/** Fired after a change of the read model has committed, on this instance or (seen later) on another one. */
public record ReadModelChanged(long version) {
}
