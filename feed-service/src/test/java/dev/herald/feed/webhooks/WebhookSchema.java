package dev.herald.feed.webhooks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The documented body of a webhook delivery, docs/notifications/webhook.schema.json, formats asserted. */
final class WebhookSchema {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = load();

    private WebhookSchema() {
    }

    static JsonNode assertValid(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            Set<ValidationMessage> errors = SCHEMA.validate(json);
            assertTrue(errors.isEmpty(), "the delivery does not match docs/notifications/webhook.schema.json: " + errors + "\n" + body);
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema load() {
        try {
            // Surefire runs in the module directory
            JsonNode schema = JSON.readTree(Path.of("../docs/notifications/webhook.schema.json").toFile());
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
