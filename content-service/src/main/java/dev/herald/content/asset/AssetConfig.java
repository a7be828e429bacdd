package dev.herald.content.asset;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where report assets are served from and how long caches keep them. */
@ConfigMapping(prefix = "herald.content")
public interface AssetConfig {

    /** The public base URL of {@code /assets/...} (env HERALD_CONTENT_PUBLIC_URL): events and feeds carry absolute links. */
    String publicUrl();

    Assets assets();

    interface Assets {

        /**
         * How long a cache may keep an image of a published report before it asks again (the ETag makes that a 304):
         * an unpublished report's images are gone from caches at most this long after.
         */
        @WithDefault("5M")
        Duration maxAge();
    }
}
