package dev.herald.content.asset;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "herald.content.assets")
public interface AssetConfig {

    /**
     * How long a cache may keep an image of a published report before it asks again (the ETag makes that a 304):
     * an unpublished report's images are gone from caches at most this long after.
     */
    @WithDefault("5M")
    Duration maxAge();
}
