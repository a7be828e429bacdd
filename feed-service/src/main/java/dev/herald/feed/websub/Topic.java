package dev.herald.feed.websub;

import dev.herald.feed.readmodel.FeedScope;

/** A URL Herald distributes: the subscription document of a scope's feed, or its listing page. */
record Topic(String url, FeedScope scope, Representation representation) {

    /** {@code all}, {@code tag}, {@code author} or {@code event}, as stored. */
    String scopeKind() {
        return scopeKind(scope);
    }

    /** The tag or slug; empty for all reports. */
    String scopeValue() {
        return scopeValue(scope);
    }

    static String scopeKind(FeedScope scope) {
        return scope.kind().name().toLowerCase();
    }

    static String scopeValue(FeedScope scope) {
        return scope.value() == null ? "" : scope.value();
    }

    static FeedScope scope(String kind, String value) {
        return switch (kind) {
            case "all" -> FeedScope.ALL;
            case "tag" -> FeedScope.tag(value);
            case "author" -> FeedScope.author(value);
            case "event" -> FeedScope.event(value);
            default -> throw new IllegalArgumentException("no scope kind " + kind);
        };
    }
}
