package dev.herald.stack.bench;

import java.util.ArrayList;
import java.util.List;

/** The figures as a Markdown table, printed and written as it is to docs/BENCHMARKS.md. */
final class Table {

    private final List<String[]> rows = new ArrayList<>();

    void row(String what, String measured, String goal) {
        rows.add(new String[] {what, measured, goal});
    }

    String render() {
        int[] widths = {4, 8, 19};
        for (String[] row : rows) {
            for (int i = 0; i < 3; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, widths, "what", "measured", "goal / reference");
        line(out, widths, "-".repeat(widths[0]), "-".repeat(widths[1]), "-".repeat(widths[2]));
        rows.forEach(row -> line(out, widths, row));
        return out.toString();
    }

    private static void line(StringBuilder out, int[] widths, String... cells) {
        out.append('|');
        for (int i = 0; i < 3; i++) {
            out.append(' ').append(String.format("%-" + widths[i] + "s", cells[i])).append(" |");
        }
        out.append(System.lineSeparator());
    }
}
