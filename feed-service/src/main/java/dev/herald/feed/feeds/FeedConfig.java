package dev.herald.feed.feeds;

import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What feeds say about the site: its public address (env HERALD_PUBLIC_BASE_URL), name, hub and page size.
 * Single properties rather than a mapping of all of {@code herald.*}, which other parts (tests) also use.
 */
@ApplicationScoped
public class FeedConfig {

    private final String publicBaseUrl;
    private final Optional<String> hubUrl;
    private final String title;
    private final String description;
    private final int pageSize;

    FeedConfig(@ConfigProperty(name = "herald.public-base-url") String publicBaseUrl,
            @ConfigProperty(name = "herald.hub-url") Optional<String> hubUrl,
            @ConfigProperty(name = "herald.title") String title,
            @ConfigProperty(name = "herald.description") String description,
            @ConfigProperty(name = "herald.page-size") int pageSize) {
        this.publicBaseUrl = publicBaseUrl;
        this.hubUrl = hubUrl;
        this.title = title;
        this.description = description;
        this.pageSize = pageSize;
    }

    /** Absolute base URL that every link is made against. */
    public String publicBaseUrl() {
        return publicBaseUrl;
    }

    /** The WebSub hub advertised in every feed. */
    public Optional<String> hubUrl() {
        return hubUrl;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public int pageSize() {
        return pageSize;
    }
}
