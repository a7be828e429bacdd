package dev.herald.feed.readmodel;

/** A value and how many reports have it, such as a tag. */
public record Tally(String value, long count) {
}
