package dev.herald.infra;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

import dev.herald.infra.fixture.high.High;
import dev.herald.infra.fixture.low.Low;
import dev.herald.infra.fixture.low.LowUsingSide;
import dev.herald.infra.fixture.side.Side;

/** The rules pass on features that depend one way and fail, naming the culprits, on a cycle or an upward use. */
class FeatureLayersTest {

    private static final String ROOT = "dev.herald.infra.fixture";

    /** {@code high} uses {@code low}; {@code side} uses {@code high}. */
    private final JavaClasses oneWay = new ClassFileImporter().importClasses(Low.class, High.class, Side.class);

    @Test
    void oneWayDependenciesInTheirOrderPass() {
        FeatureLayers layers = FeatureLayers.of(ROOT).layer("low").layer("high").layer("side");
        layers.freeOfCycles().check(oneWay);
        layers.layering().check(oneWay);
    }

    @Test
    void aCycleBetweenFeaturesFails() {
        JavaClasses withCycle = new ClassFileImporter().importClasses(Low.class, High.class, Side.class, LowUsingSide.class);
        FeatureLayers layers = FeatureLayers.of(ROOT).layer("low").layer("high").layer("side");
        assertFails(layers.freeOfCycles(), withCycle, "Cycle detected: high -> ");
        assertFails(layers.freeOfCycles(), withCycle, LowUsingSide.class.getName() + ".side");
    }

    @Test
    void aFeatureUsingOneAboveItFails() {
        FeatureLayers upsideDown = FeatureLayers.of(ROOT).layer("high").layer("low").layer("side");
        assertFails(upsideDown.layering(), oneWay, High.class.getName());
    }

    @Test
    void featuresOfOneLayerMayUseEachOther() {
        FeatureLayers.of(ROOT).layer("low").layer("high", "side").layering().check(oneWay);
    }

    @Test
    void aFeatureInNoLayerFails() {
        assertFails(FeatureLayers.of(ROOT).layer("low").layer("high").layering(), oneWay, Side.class.getName());
    }

    private static void assertFails(ArchRule rule, JavaClasses classes, String named) {
        AssertionError failure = assertThrows(AssertionError.class, () -> rule.check(classes));
        assertTrue(failure.getMessage().contains(named), failure.getMessage());
    }
}
