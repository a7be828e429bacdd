package dev.herald.content.document;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Writes a report back in the corpus format, keys in the corpus order, so import -> export keeps every value. */
@ApplicationScoped
public class ReportDocumentWriter {

    public String write(ReportDocument document) {
        FrontMatter fm = document.frontMatter();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", fm.title());
        putIfPresent(values, "publishDate", date(fm.publishDate()));
        putIfPresent(values, "updatedDate", date(fm.updatedDate()));
        putIfPresent(values, "author", fm.author());
        putIfPresent(values, "description", fm.description());
        values.put("tags", fm.tags());
        putIfPresent(values, "published", fm.published());
        putIfPresent(values, "legacyUrl", fm.legacyUrl());
        putIfPresent(values, "event", fm.event());
        return "---\n" + yaml().dump(values) + "---\n" + document.body();
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(Integer.MAX_VALUE);
        options.setAllowUnicode(true);
        return new Yaml(options);
    }

    private static void putIfPresent(Map<String, Object> values, String key, Object value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    // a day at midnight UTC is written as the corpus writes it, '2019-10-30'
    private static String date(Instant instant) {
        if (instant == null) {
            return null;
        }
        return instant.equals(instant.truncatedTo(ChronoUnit.DAYS))
                ? instant.atOffset(ZoneOffset.UTC).toLocalDate().toString()
                : instant.toString();
    }
}
