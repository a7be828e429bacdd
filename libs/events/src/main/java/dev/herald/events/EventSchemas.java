package dev.herald.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

/**
 * The JSON Schemas of docs/events, packaged in this library as {@code event-schemas/<topic folder>/<type>.json}: one
 * per {@link EventType}, as {@code EventContractTest} makes sure.
 */
public final class EventSchemas {

    // draft 2020-12 treats format as an annotation; the contract means it (uuid, date-time)
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<EventType, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    public static JsonSchema of(EventType type) {
        return SCHEMAS.computeIfAbsent(type, EventSchemas::load);
    }

    /** Where the schema is on the class path. */
    public static String resource(EventType type) {
        return "event-schemas/" + type.topic().folder() + "/" + type.type() + ".json";
    }

    private static JsonSchema load(EventType type) {
        try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(resource(type))) {
            if (in == null) {
                throw new IllegalStateException("No schema packaged for " + type.type());
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(in), CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable schema of " + type.type(), e);
        }
    }
}
