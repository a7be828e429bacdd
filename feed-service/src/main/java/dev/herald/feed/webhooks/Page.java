package dev.herald.feed.webhooks;

import java.util.List;

/** One page of a listing; {@code total} counts every match so that clients can page on. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
