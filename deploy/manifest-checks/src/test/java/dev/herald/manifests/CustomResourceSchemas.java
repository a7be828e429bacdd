package dev.herald.manifests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * Checks Strimzi and CloudNativePG resources against the documented fields of the operator versions Herald names
 * (src/test/resources/cr-schemas): unknown fields, missing required ones and wrong types fail, as the API server's
 * structural schema would make them.
 */
final class CustomResourceSchemas {

    private static final Map<String, String> SCHEMA_FILES = Map.of(
            "kafka.strimzi.io/v1beta2", "/cr-schemas/kafka.strimzi.io_v1beta2.yaml",
            "postgresql.cnpg.io/v1", "/cr-schemas/postgresql.cnpg.io_v1.yaml");

    // Kubernetes' ResourceRequirements, which both operators embed
    private static final ObjectNode RESOURCES = Yaml.MAPPER.createObjectNode().put("requests", "map").put("limits", "map");

    private CustomResourceSchemas() {
    }

    static boolean knows(JsonNode manifest) {
        JsonNode schemas = schemas(manifest.path("apiVersion").asText());
        return schemas != null && schemas.has(manifest.path("kind").asText());
    }

    static void check(ObjectNode manifest, List<String> problems) {
        String where = KustomizeAssembler.id(manifest);
        JsonNode schema = schemas(manifest.get("apiVersion").asText()).get(manifest.get("kind").asText());
        manifest.fieldNames().forEachRemaining(field -> {
            if (!List.of("apiVersion", "kind", "metadata", "spec").contains(field)) {
                problems.add(where + ": unknown field " + field);
            }
        });
        try {
            ObjectMeta metadata = Yaml.MAPPER.treeToValue(manifest.path("metadata"), ObjectMeta.class);
            UnknownFields.in(metadata).forEach(path -> problems.add(where + ": unknown field metadata." + path));
        } catch (JsonProcessingException e) {
            problems.add(where + ": metadata: " + e.getOriginalMessage());
        }
        validate(manifest, schema, "", where, problems);
    }

    private static void validate(JsonNode value, JsonNode schema, String path, String where, List<String> problems) {
        if (schema.isArray()) {
            if (!value.isArray()) {
                problems.add(where + ": " + path + " must be a list");
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                validate(value.get(i), schema.get(0), path + "[" + i + "]", where, problems);
            }
        } else if (schema.isObject()) {
            validateObject(value, (ObjectNode) schema, path, where, problems);
        } else if (schema.asText().equals("resources")) {
            validateObject(value, RESOURCES, path, where, problems);
        } else if (!matchesType(value, schema.asText())) {
            problems.add(where + ": " + path + " must be " + schema.asText() + ", is " + value);
        }
    }

    private static void validateObject(JsonNode value, ObjectNode schema, String path, String where, List<String> problems) {
        if (!value.isObject()) {
            problems.add(where + ": " + path + " must be a mapping");
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey().replace("!", "");
            if (field.getKey().endsWith("!") && !value.has(name)) {
                problems.add(where + ": missing required field " + join(path, name));
            }
        }
        Iterator<Map.Entry<String, JsonNode>> present = value.fields();
        while (present.hasNext()) {
            Map.Entry<String, JsonNode> field = present.next();
            JsonNode fieldSchema = schema.has(field.getKey()) ? schema.get(field.getKey()) : schema.get(field.getKey() + "!");
            if (fieldSchema == null) {
                // the top level's apiVersion, kind and metadata are checked by the caller
                if (!path.isEmpty()) {
                    problems.add(where + ": unknown field " + join(path, field.getKey()));
                }
            } else {
                validate(field.getValue(), fieldSchema, join(path, field.getKey()), where, problems);
            }
        }
    }

    private static boolean matchesType(JsonNode value, String type) {
        if (type.startsWith("enum:")) {
            return value.isTextual() && Arrays.asList(type.substring(5).split("\\|")).contains(value.asText());
        }
        return switch (type) {
            case "any" -> true;
            case "string" -> value.isTextual();
            case "int" -> value.isIntegralNumber();
            case "bool" -> value.isBoolean();
            case "quantity" -> value.isTextual() || value.isNumber();
            case "map" -> value.isObject() && allScalar(value);
            default -> throw new IllegalStateException("unknown schema type " + type);
        };
    }

    private static boolean allScalar(JsonNode map) {
        for (JsonNode item : map) {
            if (item.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static JsonNode schemas(String apiVersion) {
        String file = SCHEMA_FILES.get(apiVersion);
        if (file == null) {
            return null;
        }
        try (InputStream in = CustomResourceSchemas.class.getResourceAsStream(file)) {
            return Yaml.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
