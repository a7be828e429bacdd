package dev.herald.feed.avatars;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** How Herald keeps its copies of people's avatars. */
@ConfigMapping(prefix = "herald.avatars")
interface AvatarConfig {

    /** A larger image is not an avatar: it is refused and the initials are shown. */
    int maxBytes();

    /** How long a fetched image is served before it is fetched again. */
    Duration keepFor();

    /** How long a failed fetch shows the initials before it is tried again. */
    Duration retryAfter();

    /** How many sources are kept in memory at most. */
    int entries();
}
