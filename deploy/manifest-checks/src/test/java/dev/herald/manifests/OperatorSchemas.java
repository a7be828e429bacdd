package dev.herald.manifests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * Checks Strimzi and CloudNativePG resources against the operators' own CustomResourceDefinitions, vendored in
 * src/test/resources/crds (see SOURCES.md there), as the API server's structural schema would, and stricter: a field
 * the schema does not name is an error here (the API server would silently prune it, as {@code kubectl apply
 * --validate=strict} would refuse it).
 */
final class OperatorSchemas {

    private static final List<String> CRDS = List.of(
            "strimzi-0.48.0-040-Crd-kafka.yaml", "strimzi-0.48.0-043-Crd-kafkatopic.yaml",
            "strimzi-0.48.0-045-Crd-kafkanodepool.yaml", "cnpg-1.27.4-postgresql.cnpg.io_clusters.yaml",
            "cnpg-1.27.4-postgresql.cnpg.io_databases.yaml");
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    /** By "group/version Kind", from every served version of every vendored definition. */
    private static final Map<String, JsonSchema> SCHEMAS = load();

    private OperatorSchemas() {
    }

    static boolean knows(JsonNode manifest) {
        return SCHEMAS.containsKey(typeOf(manifest));
    }

    static void check(ObjectNode manifest, List<String> problems) {
        String where = KustomizeBuild.id(manifest);
        for (ValidationMessage message : SCHEMAS.get(typeOf(manifest)).validate(manifest)) {
            problems.add(where + ": " + describe(message));
        }
        try {
            // the definitions leave metadata open; it is Kubernetes' ObjectMeta
            ObjectMeta metadata = Yaml.MAPPER.treeToValue(manifest.path("metadata"), ObjectMeta.class);
            UnknownFields.in(metadata).forEach(path -> problems.add(where + ": unknown field metadata." + path));
        } catch (JsonProcessingException e) {
            problems.add(where + ": metadata: " + e.getOriginalMessage());
        }
    }

    private static String describe(ValidationMessage message) {
        String path = message.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
        String field = path.isEmpty() ? message.getProperty() : path + "." + message.getProperty();
        return switch (message.getType()) {
            case "additionalProperties" -> "unknown field " + field;
            case "required" -> "missing required field " + field;
            default -> message.getMessage().replaceFirst("^\\$\\.?", "");
        };
    }

    private static String typeOf(JsonNode manifest) {
        return manifest.path("apiVersion").asText() + " " + manifest.path("kind").asText();
    }

    private static Map<String, JsonSchema> load() {
        Map<String, JsonSchema> schemas = new HashMap<>();
        for (String file : CRDS) {
            try (InputStream in = OperatorSchemas.class.getResourceAsStream("/crds/" + file)) {
                JsonNode crd = Yaml.MAPPER.readTree(in);
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    if (version.path("served").asBoolean()) {
                        JsonNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
                        closeObjects(schema);
                        schemas.put(group + "/" + version.path("name").asText() + " " + kind, FACTORY.getSchema(schema));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the definition " + file, e);
            }
        }
        return Map.copyOf(schemas);
    }

    // an object schema naming its properties allows no others, unless it says it keeps unknown fields
    private static void closeObjects(JsonNode schema) {
        if (schema instanceof ObjectNode object && object.has("properties")
                && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean() && !object.has("additionalProperties")) {
            object.put("additionalProperties", false);
        }
        for (String keyword : Set.of("properties", "patternProperties")) {
            schema.path(keyword).forEach(OperatorSchemas::closeObjects);
        }
        for (String keyword : Set.of("items", "additionalProperties", "not")) {
            if (schema.path(keyword).isObject()) {
                closeObjects(schema.get(keyword));
            }
        }
        for (String keyword : Set.of("allOf", "anyOf", "oneOf")) {
            schema.path(keyword).forEach(OperatorSchemas::closeObjects);
        }
    }
}
