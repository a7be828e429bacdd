package dev.herald.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;

import dev.herald.events.ReportsEvent.Report;

/**
 * The records against docs/events, the source of truth: one record per schema and one schema per record, the same
 * properties and the required ones always written, and the JSON a producer writes valid and read back unchanged.
 */
class EventContractTest {

    private static final Path DOCS = Path.of("../../docs/events");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everySchemaHasAnEventTypeAndEveryEventTypeASchema() throws IOException {
        Set<String> schemas;
        try (Stream<Path> files = Files.walk(DOCS, 2)) {
            schemas = files.filter(file -> file.toString().endsWith(".json"))
                    .map(file -> file.getParent().getFileName() + "/" + file.getFileName().toString().replace(".json", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> types = Arrays.stream(EventType.values()).map(type -> type.topic().folder() + "/" + type.type())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(schemas, types);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theDataschemaIsTheSchemasId(EventType type) throws IOException {
        assertEquals(type.dataschema().toString(), schema(type).path("$id").asText());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aProducersEventMatchesTheSchema(EventType type) {
        HeraldEvent sample = Samples.of(type);
        assertEquals(type, sample.type());
        Set<ValidationMessage> problems = EventSchemas.of(type).validate(EventCodec.tree(sample));
        assertTrue(problems.isEmpty(), type + ": " + problems);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theRecordWritesTheSchemasPropertiesAndEveryRequiredOne(EventType type) throws IOException {
        JsonNode schema = schema(type);
        JsonNode root = schema.has("$ref") ? schema.at(schema.path("$ref").asText().substring(1)) : schema;
        Set<String> written = names(EventCodec.tree(Samples.of(type)));
        assertEquals(names(root.path("properties")), written, type + ": properties");
        Set<String> required = new HashSet<>();
        root.path("required").forEach(name -> required.add(name.asText()));
        assertTrue(written.containsAll(required), type + " lacks required " + required);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aConsumerReadsBackWhatTheProducerWrote(EventType type) {
        HeraldEvent sample = Samples.of(type);
        assertEquals(sample, EventCodec.read(type, EventCodec.tree(sample)));
    }

    @Test
    void anErasureWithoutConsentCarriesOnlyTheIdAndNoSubject() {
        AttendeesEvent.PersonErased erased = AttendeesEvent.PersonErased.withoutPublicRecord(Samples.person().id());
        JsonNode data = EventCodec.tree(erased);
        assertEquals(Set.of("id", "publicRecordRetained"), names(data));
        assertTrue(EventSchemas.of(EventType.PERSON_ERASED).validate(data).isEmpty());
        assertEquals(null, erased.subject());
    }

    @Test
    void aReportThatNamesNoEventWritesEventNull() {
        Report report = Samples.report(null);
        JsonNode data = EventCodec.tree(new ReportsEvent.ReportPublished(report));
        assertTrue(data.has("event") && data.get("event").isNull());
        assertTrue(EventSchemas.of(EventType.REPORT_PUBLISHED).validate(data).isEmpty());
        assertEquals(report.id().toString(), new ReportsEvent.ReportPublished(report).subject());
    }

    private static JsonNode schema(EventType type) throws IOException {
        return JSON.readTree(DOCS.resolve(type.topic().folder()).resolve(type.type() + ".json").toFile());
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
