package dev.herald.feed;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import dev.herald.infra.FeatureLayers;

/**
 * The features of feed-service depend one way: the read model and the delivery queue at the bottom, the feeds
 * rendered from the read model above them, the site above the feeds; what consumes events, serves HTTP, searches and
 * notifies subscribers on top.
 */
class ArchitectureTest {

    private static final FeatureLayers LAYERS = FeatureLayers.of("dev.herald.feed")
            .layer("readmodel", "delivery")
            .layer("feeds")
            .layer("site")
            .layer("avatars", "http", "ingest", "legacy", "search", "webhooks", "websub");
    private static final JavaClasses CLASSES = LAYERS.mainClasses();

    @Test
    void featuresFormNoCycle() {
        LAYERS.freeOfCycles().check(CLASSES);
    }

    @Test
    void featuresUseOnlyTheLayersBelowThem() {
        LAYERS.layering().check(CLASSES);
    }
}
