package dev.herald.paging;

import java.util.List;

/** One page of a listing; {@code total} counts every match so that clients can page on. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        return new Page<>(items, request.page, request.size, total);
    }

    /** The requested page of a listing small enough to be read whole (an event's talks, say). */
    public static <T> Page<T> slice(List<T> all, PageRequest request) {
        int from = (int) Math.min(all.size(), (long) request.offset());
        return of(all.subList(from, Math.min(all.size(), from + request.size)), request, all.size());
    }
}
