package dev.herald.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The meters each service documents in its README's "Meters" table ({@code | `name` | type | tags | what |}), as the
 * names Prometheus sees: a timer's {@code _count}, {@code _sum}, {@code _max} and {@code _bucket} series besides.
 */
final class MeterTables {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z_:][a-z0-9_:]*)` \\| (gauge|counter|timer) \\|", Pattern.MULTILINE);
    private static final Set<String> TIMER_SERIES = Set.of("_count", "_sum", "_max", "_bucket");

    private MeterTables() {
    }

    /** Every meter the services document, by name, with its series. */
    static Map<String, Set<String>> meters(Path repo) {
        Map<String, Set<String>> meters = new TreeMap<>();
        for (String service : ServiceConfig.SERVICES) {
            Matcher row = ROW.matcher(meterSection(repo.resolve(service).resolve("README.md")));
            while (row.find()) {
                String name = row.group(1);
                meters.put(name, row.group(2).equals("timer")
                        ? TIMER_SERIES.stream().map(suffix -> name + suffix).collect(Collectors.toCollection(TreeSet::new))
                        : Set.of(name));
            }
        }
        return meters;
    }

    /** Every series name Prometheus holds for the documented meters. */
    static Set<String> series(Path repo) {
        return meters(repo).values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
    }

    // the README's section from "## Meters" to the next heading of the same level
    private static String meterSection(Path readme) {
        try {
            String text = Files.readString(readme);
            int start = text.indexOf("\n## Meters\n");
            if (start < 0) {
                return "";
            }
            int end = text.indexOf("\n## ", start + 1);
            return text.substring(start, end < 0 ? text.length() : end);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
