package dev.herald.infra;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

/**
 * The dependency order of a service's feature packages ({@code dev.herald.<service>.<feature>}), lowest first: a
 * feature may use the layers below its own and the other features of its layer, never one above. A lower feature
 * that must reach a higher one declares a small interface that the higher one implements.
 */
public final class FeatureLayers {

    private final String root;
    private final List<String[]> layers = new ArrayList<>();

    private FeatureLayers(String root) {
        this.root = root;
    }

    /** The layers of the features under {@code root}, to be listed from the bottom up. */
    public static FeatureLayers of(String root) {
        return new FeatureLayers(root);
    }

    public FeatureLayers layer(String... features) {
        layers.add(features);
        return this;
    }

    /** The main classes (not the tests) under the root. */
    public JavaClasses mainClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(root);
    }

    /** No feature depends, through any number of others, on itself. */
    public ArchRule freeOfCycles() {
        return slices().matching(root + ".(*)..").namingSlices("$1").should().beFreeOfCycles();
    }

    /** Every feature is in a layer and uses only its own layer and those below. */
    public ArchRule layering() {
        LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
        List<String> below = new ArrayList<>();
        for (String[] features : layers) {
            String name = String.join(", ", features);
            String[] packages = new String[features.length];
            for (int i = 0; i < features.length; i++) {
                packages[i] = root + "." + features[i] + "..";
            }
            architecture = architecture.layer(name).definedBy(packages);
            below.add(name);
        }
        for (int i = 0; i < below.size(); i++) {
            String name = below.get(i);
            architecture = i + 1 == below.size() ? architecture.whereLayer(name).mayNotBeAccessedByAnyLayer()
                    : architecture.whereLayer(name).mayOnlyBeAccessedByLayers(
                            below.subList(i + 1, below.size()).toArray(String[]::new));
        }
        return architecture.ensureAllClassesAreContainedInArchitectureIgnoring(root);
    }
}
