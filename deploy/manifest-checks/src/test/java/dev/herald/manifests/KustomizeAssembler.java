package dev.herald.manifests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds a kustomization directory as {@code kustomize build} would, for the only features Herald's kustomizations
 * use: resources (files or directories), patches by path (strategic merge, target named inside the patch),
 * namespace and images. A kustomization using anything else is refused, so the assembly stays faithful.
 */
final class KustomizeAssembler {

    private static final Set<String> SUPPORTED_FIELDS = Set.of("apiVersion", "kind", "resources", "patches", "namespace", "images");
    private static final Set<String> CLUSTER_SCOPED_KINDS = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition");

    private KustomizeAssembler() {
    }

    static List<ObjectNode> build(Path directory) {
        ObjectNode kustomization = Yaml.read(directory.resolve("kustomization.yaml"));
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED_FIELDS.contains(field)) {
                throw new IllegalArgumentException(directory + "/kustomization.yaml: field '" + field + "' is not supported by this assembler");
            }
        });
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path path = directory.resolve(entry.asText()).normalize();
            resources.addAll(Files.isDirectory(path) ? build(path) : Yaml.readAll(path));
        }
        rejectDuplicates(resources, directory);
        for (JsonNode entry : kustomization.path("patches")) {
            if (entry.size() != 1 || !entry.hasNonNull("path")) {
                throw new IllegalArgumentException(directory + ": only 'patches: - path: <file>' is supported");
            }
            Path patchFile = directory.resolve(entry.get("path").asText());
            for (ObjectNode patch : Yaml.readAll(patchFile)) {
                StrategicMerge.apply(target(resources, patch, patchFile), patch, TypedManifests.isBuiltIn(patch));
            }
        }
        if (kustomization.hasNonNull("namespace")) {
            String namespace = kustomization.get("namespace").asText();
            resources.stream().filter(r -> !CLUSTER_SCOPED_KINDS.contains(r.path("kind").asText()))
                    .forEach(r -> r.withObjectProperty("metadata").put("namespace", namespace));
        }
        for (JsonNode image : kustomization.path("images")) {
            resources.forEach(r -> retag(r, image));
        }
        return resources;
    }

    // kustomize finds a strategic merge patch's target by the patch's own apiVersion, kind and name
    private static ObjectNode target(List<ObjectNode> resources, ObjectNode patch, Path patchFile) {
        List<ObjectNode> matches = resources.stream().filter(r -> id(r).equals(id(patch))).toList();
        if (matches.size() != 1) {
            throw new IllegalArgumentException(patchFile + ": patch for " + id(patch) + " matches " + matches.size() + " resources");
        }
        return matches.get(0);
    }

    private static void rejectDuplicates(List<ObjectNode> resources, Path directory) {
        Set<String> seen = new HashSet<>();
        for (ObjectNode resource : resources) {
            if (!seen.add(id(resource))) {
                throw new IllegalArgumentException(directory + ": " + id(resource) + " is defined twice");
            }
        }
    }

    static String id(JsonNode resource) {
        return resource.path("apiVersion").asText() + " " + resource.path("kind").asText() + " " + resource.path("metadata").path("name").asText();
    }

    // the images transformer rewrites the image of every container and init container whose image name matches
    private static void retag(JsonNode node, JsonNode image) {
        Set<String> allowed = Set.of("name", "newName", "newTag");
        image.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                throw new IllegalArgumentException("images: field '" + f + "' is not supported by this assembler");
            }
        });
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            boolean containerList = field.getKey().equals("containers") || field.getKey().equals("initContainers");
            for (JsonNode child : field.getValue().isArray() ? field.getValue() : List.of(field.getValue())) {
                if (containerList && child.hasNonNull("image") && imageName(child.get("image").asText()).equals(image.get("name").asText())) {
                    String name = image.path("newName").asText(image.get("name").asText());
                    ((ObjectNode) child).put("image", image.hasNonNull("newTag") ? name + ":" + image.get("newTag").asText() : name);
                } else if (child.isContainerNode()) {
                    retag(child, image);
                }
            }
        }
    }

    private static String imageName(String image) {
        String withoutDigest = image.split("@")[0];
        int colon = withoutDigest.lastIndexOf(':');
        return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
    }
}
