package dev.herald.content.importing;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import dev.herald.content.document.FrontMatter;
import dev.herald.content.document.ReportDocument;
import dev.herald.problem.FieldError;
import dev.herald.problem.ProblemException;

/**
 * Splits a report document into front matter and body and types the front matter. YAML is read with SnakeYAML's
 * SafeConstructor (no Java types), few aliases and a size limit, so an alias "billion laughs" fails fast.
 */
@ApplicationScoped
public class ReportDocumentParser {

    private static final Set<String> KEYS = Set.of("title", "publishDate", "updatedDate", "author", "description", "tags",
            "published", "legacyUrl", "slug", "event");
    private static final int MAX_FRONT_MATTER_CHARS = 64 * 1024;

    private final ImportConfig config;

    public ReportDocumentParser(ImportConfig config) {
        this.config = config;
    }

    public ReportDocument parse(String document) {
        String text = document.startsWith("\uFEFF") ? document.substring(1) : document;
        if (text.length() > config.maxDocumentChars()) {
            throw ProblemException.tooLarge("body", "the document is longer than " + config.maxDocumentChars() + " characters");
        }
        if (!text.startsWith("---\n") && !text.startsWith("---\r\n")) {
            throw ProblemException.invalid("frontMatter", "the document must start with a '---' line and YAML front matter");
        }
        int start = text.indexOf('\n') + 1;
        int end = closingLine(text, start);
        if (end < 0) {
            throw ProblemException.invalid("frontMatter", "the front matter has no closing '---' line");
        }
        int bodyStart = text.indexOf('\n', end);
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
        return new ReportDocument(frontMatter(text.substring(start, end)), body);
    }

    private static int closingLine(String text, int from) {
        int lineStart = from;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            String line = (lineEnd < 0 ? text.substring(lineStart) : text.substring(lineStart, lineEnd)).stripTrailing();
            if (line.equals("---")) {
                return lineStart;
            }
            if (lineEnd < 0) {
                return -1;
            }
            lineStart = lineEnd + 1;
        }
        return -1;
    }

    private FrontMatter frontMatter(String yamlText) {
        Map<?, ?> values = load(yamlText);
        List<FieldError> errors = new ArrayList<>();
        values.keySet().stream().filter(key -> !KEYS.contains(String.valueOf(key)))
                .forEach(key -> errors.add(new FieldError(String.valueOf(key), "is not a known front matter key")));
        String title = string(values, "title", errors);
        // a title of the wrong type is named once, by string()
        if (values.get("title") == null || title != null && title.isBlank()) {
            errors.add(new FieldError("title", "is required"));
        }
        String author = string(values, "author", errors);
        FrontMatter frontMatter = new FrontMatter(title, date(values, "publishDate", errors), date(values, "updatedDate", errors),
                author == null || author.isBlank() ? null : author.strip(), string(values, "description", errors),
                tags(values, errors), bool(values, "published", errors), string(values, "legacyUrl", errors),
                string(values, "slug", errors), string(values, "event", errors));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return frontMatter;
    }

    private static Map<?, ?> load(String yamlText) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(10);
        options.setCodePointLimit(MAX_FRONT_MATTER_CHARS);
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(options)).load(yamlText);
        } catch (YAMLException | IllegalArgumentException | ArithmeticException e) {
            // SnakeYAML reports some malformed scalars (a timestamp out of range, a bad number) with the JDK's exceptions
            throw ProblemException.invalid("frontMatter", "is not valid YAML: " + firstLine(e.getMessage()));
        }
        if (loaded == null) {
            return Map.of();
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw ProblemException.invalid("frontMatter", "must be a YAML mapping of keys to values");
        }
        return map;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    private static String string(Map<?, ?> values, String key, List<FieldError> errors) {
        Object value = values.get(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        errors.add(new FieldError(key, "must be a string"));
        return null;
    }

    private static Boolean bool(Map<?, ?> values, String key, List<FieldError> errors) {
        Object value = values.get(key);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        errors.add(new FieldError(key, "must be true or false"));
        return null;
    }

    private static List<String> tags(Map<?, ?> values, List<FieldError> errors) {
        Object value = values.get("tags");
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        errors.add(new FieldError("tags", "must be a list of strings"));
        return List.of();
    }

    /** Dates come quoted, double-quoted or bare; a bare YAML date arrives as a java.util.Date at midnight UTC. */
    private static Instant date(Map<?, ?> values, String key, List<FieldError> errors) {
        Object value = values.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof String text) {
            try {
                return parseDate(text.strip());
            } catch (DateTimeException e) {
                errors.add(new FieldError(key, "must be a date (2019-10-30) or a date-time (2019-10-30T09:00:00Z)"));
                return null;
            }
        }
        errors.add(new FieldError(key, "must be a date"));
        return null;
    }

    static Instant parseDate(String text) {
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }
}
