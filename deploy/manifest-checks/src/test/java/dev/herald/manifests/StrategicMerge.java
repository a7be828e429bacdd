package dev.herald.manifests;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Kustomize's merge of a patch into a resource, for the patches Herald writes: maps merge; on built-in kinds a list
 * with a patchMergeKey merges item by item and an atomic list is replaced; on custom resources every list is
 * replaced (kustomize falls back to a JSON merge patch there). Anything else is refused rather than guessed.
 */
final class StrategicMerge {

    // the patchMergeKey the Kubernetes API declares for the list fields Herald's patches touch
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name", "initContainers", "name", "env", "name", "volumes", "name", "volumeMounts", "mountPath");
    // list fields the Kubernetes API declares without a merge key: a patch replaces them whole
    private static final Set<String> ATOMIC_LISTS = Set.of("rules", "tls", "args", "command", "metrics");

    private StrategicMerge() {
    }

    static void apply(ObjectNode target, ObjectNode patch, boolean builtInKind) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonNode existing = target.get(name);
            if (value.isNull() || name.startsWith("$")) {
                throw new IllegalArgumentException("patch deletes or uses directive at '" + name + "': not supported by this assembler");
            }
            if (value.isObject() && existing != null && existing.isObject()) {
                apply((ObjectNode) existing, (ObjectNode) value, builtInKind);
            } else if (value.isArray() && builtInKind && MERGE_KEYS.containsKey(name) && existing != null && existing.isArray()) {
                mergeList((ArrayNode) existing, (ArrayNode) value, MERGE_KEYS.get(name));
            } else if (value.isArray() && builtInKind && !MERGE_KEYS.containsKey(name) && !ATOMIC_LISTS.contains(name)) {
                throw new IllegalArgumentException("patch sets list '" + name + "' whose merge strategy this assembler does not know");
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    private static void mergeList(ArrayNode target, ArrayNode patch, String key) {
        for (JsonNode item : patch) {
            if (!item.hasNonNull(key)) {
                throw new IllegalArgumentException("patch list item lacks its merge key '" + key + "'");
            }
            ObjectNode match = null;
            for (JsonNode candidate : target) {
                if (item.get(key).equals(candidate.get(key))) {
                    match = (ObjectNode) candidate;
                }
            }
            if (match == null) {
                target.add(item.deepCopy());
            } else {
                apply(match, (ObjectNode) item, true);
            }
        }
    }
}
