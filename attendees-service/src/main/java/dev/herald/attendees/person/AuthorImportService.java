package dev.herald.attendees.person;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.herald.attendees.api.ImportReport;
import dev.herald.attendees.api.ImportRow;
import dev.herald.attendees.api.Slugs;
import dev.herald.problem.FieldError;
import dev.herald.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Imports author files as they are: an object whose keys are slugs (the file names) and values author objects, or
 * an array of author objects that each carry a {@code slug}. Re-importing updates by slug and never duplicates.
 */
@ApplicationScoped
public class AuthorImportService {

    static final int MAX_ROWS = 1000;

    private final PersonService people;
    private final ObjectMapper json;
    private final Validator validator;

    public AuthorImportService(PersonService people, ObjectMapper json, Validator validator) {
        this.people = people;
        this.json = json;
        this.validator = validator;
    }

    /** Good rows are stored and bad ones reported, all in one transaction. */
    @WithTransaction
    public Uni<ImportReport> importAuthors(JsonNode body) {
        List<Map.Entry<String, JsonNode>> rows = rows(body);
        Uni<List<ImportRow>> chain = Uni.createFrom().item(new ArrayList<>());
        for (int i = 0; i < rows.size(); i++) {
            int index = i;
            Map.Entry<String, JsonNode> row = rows.get(i);
            chain = chain.flatMap(done -> importRow(index, row.getKey(), row.getValue()).map(result -> {
                done.add(result);
                return done;
            }));
        }
        return chain.map(ImportReport::of);
    }

    private Uni<ImportRow> importRow(int index, String slug, JsonNode author) {
        if (!author.isObject()) {
            return failed(index, slug, List.of(new FieldError("body", "must be an author object")));
        }
        PersonInput input;
        try {
            ObjectNode withSlug = ((ObjectNode) author.deepCopy()).put("slug", slug);
            input = json.treeToValue(withSlug, PersonInput.class);
        } catch (JsonProcessingException e) {
            String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                    ? mapping.getPath().get(0).getFieldName() : "body";
            return failed(index, slug, List.of(new FieldError(field, "has the wrong type")));
        }
        List<FieldError> errors = validator.validate(input).stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        if (slug == null || slug.isBlank()) {
            errors = List.of(new FieldError("slug", "must not be blank"));
        }
        if (!errors.isEmpty()) {
            return failed(index, slug, errors);
        }
        return people.upsert(slug, input).map(status -> ImportRow.of(index, slug, status))
                .onFailure(ProblemException.class)
                .recoverWithItem(e -> ImportRow.failed(index, slug, ((ProblemException) e).errors()));
    }

    private static Uni<ImportRow> failed(int index, String slug, List<FieldError> errors) {
        return Uni.createFrom().item(ImportRow.failed(index, slug, errors));
    }

    private static List<Map.Entry<String, JsonNode>> rows(JsonNode body) {
        List<Map.Entry<String, JsonNode>> rows = new ArrayList<>();
        if (body != null && body.isObject()) {
            body.fields().forEachRemaining(rows::add);
        } else if (body != null && body.isArray()) {
            body.forEach(author -> rows.add(Map.entry(author.path("slug").asText(author.has("name")
                    ? Slugs.of(author.path("name").asText()) : ""), author)));
        } else {
            throw ProblemException.invalid("body", "must be an object of authors by slug or an array of authors");
        }
        if (rows.size() > MAX_ROWS) {
            throw ProblemException.invalid("body", "must hold at most " + MAX_ROWS + " authors");
        }
        return rows;
    }
}
