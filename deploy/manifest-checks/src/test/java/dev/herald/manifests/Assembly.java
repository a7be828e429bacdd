package dev.herald.manifests;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** One overlay's manifests after assembly: built-in kinds typed, custom resources as checked trees. */
record Assembly(List<HasMetadata> typed, List<ObjectNode> customResources) {

    /** Parses every manifest, adding to problems whatever is unknown, mistyped or of an unsupported kind. */
    static Assembly parse(List<ObjectNode> manifests, List<String> problems) {
        List<HasMetadata> typed = new ArrayList<>();
        List<ObjectNode> customResources = new ArrayList<>();
        for (ObjectNode manifest : manifests) {
            if (TypedManifests.isBuiltIn(manifest)) {
                Optional.ofNullable(TypedManifests.parse(manifest, problems)).ifPresent(typed::add);
            } else if (PodMonitors.knows(manifest)) {
                PodMonitors.check(manifest, problems);
                customResources.add(manifest);
            } else if (OperatorSchemas.knows(manifest)) {
                OperatorSchemas.check(manifest, problems);
                customResources.add(manifest);
            } else {
                problems.add(KustomizeBuild.id(manifest) + ": kind not known to the checker (add it with its schema)");
            }
        }
        return new Assembly(typed, customResources);
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return typed.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> Optional<T> named(Class<T> kind, String name) {
        return all(kind).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
    }

    List<ObjectNode> custom(String kind) {
        return customResources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
    }
}
