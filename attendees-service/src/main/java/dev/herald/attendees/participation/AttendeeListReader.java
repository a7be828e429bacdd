package dev.herald.attendees.participation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.herald.problem.ProblemException;

/**
 * Reads attendee lists. JSON: an array of {@code {"person": "slug or name", "roles": ["attendee", ...]}}. CSV: a
 * {@code person,roles} header, then one record per line, roles separated by {@code ;}; fields may be quoted.
 */
final class AttendeeListReader {

    static final int MAX_ROWS = 2000;

    private AttendeeListReader() {
    }

    static List<AttendeeLine> json(JsonNode body) {
        if (body == null || !body.isArray()) {
            throw ProblemException.invalid("body", "must be an array of {person, roles}");
        }
        checkSize(body.size());
        List<AttendeeLine> lines = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode row = body.get(i);
            JsonNode person = row.path("person");
            JsonNode roles = row.path("roles");
            if (!person.isTextual()) {
                lines.add(AttendeeLine.unreadable(i, "person", "must be a person slug or name"));
            } else if (!roles.isMissingNode() && !roles.isArray()) {
                lines.add(AttendeeLine.unreadable(i, "roles", "must be an array of roles"));
            } else {
                List<String> names = new ArrayList<>();
                roles.forEach(role -> names.add(role.asText()));
                lines.add(new AttendeeLine(i, person.asText(), names, List.of()));
            }
        }
        return lines;
    }

    /** Rows are numbered by their line in the file, the header being line 1. */
    static List<AttendeeLine> csv(String body) {
        List<String> records = body == null ? List.of() : body.lines().toList();
        if (records.isEmpty() || !parse(records.get(0)).stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .toList().equals(List.of("person", "roles"))) {
            throw ProblemException.invalid("body", "must start with the header line person,roles");
        }
        checkSize(records.size() - 1);
        List<AttendeeLine> lines = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            String record = records.get(i);
            if (record.isBlank()) {
                continue;
            }
            List<String> fields = parse(record);
            if (fields == null) {
                lines.add(AttendeeLine.unreadable(i + 1, "body", "has an unterminated quote"));
            } else if (fields.size() != 2) {
                lines.add(AttendeeLine.unreadable(i + 1, "body", "must have 2 fields (person,roles), has " + fields.size()));
            } else {
                List<String> roles = Arrays.stream(fields.get(1).split(";")).map(String::strip).filter(r -> !r.isEmpty()).toList();
                lines.add(new AttendeeLine(i + 1, fields.get(0), roles, List.of()));
            }
        }
        return lines;
    }

    /** The fields of one CSV record (RFC 4180 quoting), or null when a quote is left open. */
    private static List<String> parse(String record) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (quoted && c == '"' && i + 1 < record.length() && record.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(field.toString());
        return fields;
    }

    private static void checkSize(int rows) {
        if (rows > MAX_ROWS) {
            throw ProblemException.invalid("body", "must hold at most " + MAX_ROWS + " rows");
        }
    }
}
