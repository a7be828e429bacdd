package dev.herald.manifests;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * fabric8's model keeps any field it does not know in an {@code additionalProperties} map instead of failing;
 * this walks a parsed object and reports every such field with its path, which is how a typo is caught.
 */
final class UnknownFields {

    private UnknownFields() {
    }

    static List<String> in(Object model) {
        List<String> paths = new ArrayList<>();
        walk(model, "", paths);
        return paths;
    }

    private static void walk(Object value, String path, List<String> paths) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, path + "." + key, paths));
        } else if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                walk(item, path + "[" + index++ + "]", paths);
            }
        } else if (value != null && value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            for (Class<?> type = value.getClass(); type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        visitField(value, field, path, paths);
                    }
                }
            }
        }
    }

    private static void visitField(Object owner, Field field, String path, List<String> paths) {
        Object fieldValue;
        try {
            field.setAccessible(true);
            fieldValue = field.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
        if (field.getName().equals("additionalProperties")) {
            ((Map<?, ?>) fieldValue).keySet().forEach(key -> paths.add(path.isEmpty() ? String.valueOf(key) : path.substring(1) + "." + key));
        } else {
            JsonProperty property = field.getAnnotation(JsonProperty.class);
            walk(fieldValue, path + "." + (property != null && !property.value().isEmpty() ? property.value() : field.getName()), paths);
        }
    }
}
