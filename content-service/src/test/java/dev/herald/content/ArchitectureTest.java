package dev.herald.content;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import dev.herald.infra.FeatureLayers;

/**
 * The features of content-service depend one way. The corpus format, rendering and stored images are building blocks;
 * the directory of people and events is kept from attendees.events; a report builds on all of them, records its own
 * events and serves its images; importing and scheduled publishing drive reports. The directory reaches the reports
 * of an erased person through {@code directory.ErasedPersonReferences}, and those naming a person it has just learnt of
 * through {@code directory.UnlinkedPersonReferences}, both implemented higher up.
 */
class ArchitectureTest {

    private static final FeatureLayers LAYERS = FeatureLayers.of("dev.herald.content")
            .layer("document", "rendering", "asset")
            .layer("directory")
            .layer("report")
            .layer("importing", "publishing");
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
