package dev.herald.consumer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The JSON Schemas of docs/events, packaged in this library as {@code event-schemas/<folder>/<type>.json}; the folder
 * is the topic name without {@code .events}. A type without a schema is one this release does not know.
 */
@ApplicationScoped
public class EventSchemas {

    private static final Pattern TYPE = Pattern.compile("[a-z0-9]+(\\.[a-z0-9]+)*");
    // draft 2020-12 treats format as an annotation; the contract means it (uuid, date-time)
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Optional<JsonSchema>> schemas = new ConcurrentHashMap<>();

    public Optional<JsonSchema> forType(String topic, String type) {
        if (!TYPE.matcher(type).matches()) {
            return Optional.empty();
        }
        return schemas.computeIfAbsent(folder(topic) + "/" + type, this::load);
    }

    private static String folder(String topic) {
        return topic.endsWith(".events") ? topic.substring(0, topic.length() - ".events".length()) : topic;
    }

    private Optional<JsonSchema> load(String path) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream("event-schemas/" + path + ".json")) {
            return in == null ? Optional.empty()
                    : Optional.of(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(json.readTree(in), CONFIG));
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable schema " + path, e);
        }
    }
}
