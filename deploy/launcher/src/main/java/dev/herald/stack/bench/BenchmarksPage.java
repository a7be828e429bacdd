package dev.herald.stack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * {@code docs/BENCHMARKS.md}: each section written only by the command that measures it, between
 * {@code <!-- BEGIN name -->} and {@code <!-- END name -->}; the rest of the page is left as it is.
 */
public final class BenchmarksPage {

    static final String FILE = "docs/BENCHMARKS.md";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private BenchmarksPage() {
    }

    /** Replaces the text of {@code section} with {@code markdown}, making the page or the section (at its end) if absent. */
    public static void write(Path home, String section, String markdown) {
        Path page = home.resolve(FILE);
        try {
            String text = Files.exists(page) ? Files.readString(page, StandardCharsets.UTF_8) : "# Benchmarks\n";
            String begin = "<!-- BEGIN " + section + " -->\n";
            String end = "<!-- END " + section + " -->";
            String body = markdown.endsWith("\n") ? markdown : markdown + "\n";
            int from = text.indexOf(begin);
            int to = text.indexOf(end, Math.max(from, 0));
            String written = from >= 0 && to >= 0
                    ? text.substring(0, from + begin.length()) + body + text.substring(to)
                    : text + (text.endsWith("\n") ? "\n" : "\n\n") + begin + body + end + "\n";
            Files.createDirectories(page.getParent());
            Files.writeString(page, written, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + page, e);
        }
    }

    /** The line that opens a section: when, on what, and the command that measures it again. */
    public static String provenance(Machine machine, String command) {
        return "Measured %s on %s.\n\nTo reproduce: `%s`\n".formatted(ZonedDateTime.now(ZoneOffset.UTC).format(WHEN),
                machine.markdown(), command);
    }
}
