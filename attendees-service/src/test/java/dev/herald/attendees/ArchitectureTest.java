package dev.herald.attendees;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import dev.herald.infra.FeatureLayers;

/**
 * The features of attendees-service depend one way. An event's parts (participants, mentorships, sponsors, talks)
 * hang from the event and its people; the whole event, assembled from its parts, sits on top. The parts announce
 * their changes through {@code event.EventChanges}, people find their events through
 * {@code person.ParticipationHistory}: both implemented higher up.
 */
class ArchitectureTest {

    private static final FeatureLayers LAYERS = FeatureLayers.of("dev.herald.attendees")
            .layer("api")
            .layer("organisation")
            .layer("event")
            .layer("person")
            .layer("participation")
            .layer("mentorship", "sponsorship", "talk")
            .layer("eventdetail");
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
