package dev.herald.feed;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The producers' contract: every event a test sends must match the JSON Schema its producer documents in
 * docs/events/{reports,attendees}, so the consumer is tested on exactly what it will receive.
 */
public final class EventContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventContract() {
    }

    public static void assertMatches(String topicFolder, String type, JsonNode data) {
        Set<ValidationMessage> errors = SCHEMAS.computeIfAbsent(topicFolder + "/" + type, EventContract::load).validate(data);
        assertTrue(errors.isEmpty(), type + " does not match its documented schema: " + errors + "\n" + data);
    }

    private static JsonSchema load(String path) {
        try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream("event-schemas/" + path + ".json")) {
            assertNotNull(in, "no schema documented for " + path);
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
