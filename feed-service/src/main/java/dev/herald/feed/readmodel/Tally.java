package dev.herald.feed.readmodel;

/** A value and how many reports have it: a tag or a year. */
public record Tally(String value, long count) {
}
