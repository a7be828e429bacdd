package dev.herald.feed.feeds;

/** An author by display name, with the absolute URL of their page when the directory knows them. */
public record Person(String name, String url) {
}
