package dev.herald.feed.feeds;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** What feeds and pages say about the site: its public address (env HERALD_PUBLIC_BASE_URL), name, hub and page size. */
@ConfigMapping(prefix = "herald")
public interface FeedConfig {

    /** Absolute base URL that every link is made against. */
    String publicBaseUrl();

    /** The WebSub hub advertised in every feed. */
    Optional<String> hubUrl();

    String title();

    String description();

    int pageSize();

    FeedCacheConfig feedCache();

    interface FeedCacheConfig {

        /** How soon an instance notices changes another instance's consumer applied. */
        Duration checkInterval();
    }
}
