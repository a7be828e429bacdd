package dev.herald.content.rendering;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Markdown an MDX body renders as on this site: ESM lines ({@code import}/{@code export}), JSX components
 * ({@code <ShowcasePostCards />}, {@code <Note>...</Note>}) and whole-line {@code {expressions}} are dropped, each
 * named in a warning, since no JavaScript runs here; the text inside a component stays. Fenced and inline code is
 * left as written.
 */
final class MdxToMarkdown {

    private static final Pattern ESM = Pattern.compile("^(import|export)\\b.*");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,}).*");
    private static final int QUOTED_CHARS = 120;

    record Result(String markdown, List<String> warnings) {
    }

    private MdxToMarkdown() {
    }

    static Result convert(String mdx) {
        List<String> warnings = new ArrayList<>();
        Set<String> components = new LinkedHashSet<>();
        StringBuilder out = new StringBuilder(mdx.length());
        String[] lines = mdx.split("\n", -1);
        String fence = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher fenceLine = FENCE.matcher(line);
            if (fence != null) {
                if (closes(line, fence)) {
                    fence = null;
                }
                append(out, line, i, lines.length);
                continue;
            }
            if (fenceLine.matches()) {
                fence = fenceLine.group(1);
                append(out, line, i, lines.length);
                continue;
            }
            if (ESM.matcher(line).matches() || line.startsWith("{")) {
                int start = i;
                int depth = depth(line);
                while (depth > 0 && i + 1 < lines.length) {
                    depth += depth(lines[++i]);
                }
                String kind = line.startsWith("import") ? "import" : line.startsWith("export") ? "export" : "expression";
                warnings.add("MDX " + kind + " dropped from the HTML (line " + (start + 1) + "): " + quote(line));
                continue;
            }
            append(out, dropComponents(line, components), i, lines.length);
        }
        components.forEach(name -> warnings.add("MDX component <" + name + "> dropped from the HTML"));
        return new Result(out.toString(), List.copyOf(warnings));
    }

    private static boolean closes(String line, String fence) {
        String stripped = line.strip();
        char c = fence.charAt(0);
        return stripped.length() >= fence.length() && stripped.chars().allMatch(ch -> ch == c);
    }

    private static void append(StringBuilder out, String line, int index, int count) {
        out.append(line);
        if (index < count - 1) {
            out.append('\n');
        }
    }

    /** Opening minus closing brackets of a line, quotes and template strings not looked into. */
    private static int depth(String line) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == '}' || c == ')' || c == ']') {
                depth--;
            }
        }
        return depth;
    }

    /** The line without its JSX tags (a tag whose name starts with a capital letter), inline code untouched. */
    private static String dropComponents(String line, Set<String> components) {
        StringBuilder kept = new StringBuilder(line.length());
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '`') {
                int run = run(line, i, '`');
                int close = line.indexOf("`".repeat(run), i + run);
                int end = close < 0 ? i + run : close + run;
                kept.append(line, i, end);
                i = end;
                continue;
            }
            int nameStart = c == '<' ? (i + 1 < line.length() && line.charAt(i + 1) == '/' ? i + 2 : i + 1) : -1;
            if (nameStart > 0 && nameStart < line.length() && Character.isUpperCase(line.charAt(nameStart))) {
                int nameEnd = nameStart;
                while (nameEnd < line.length() && (Character.isLetterOrDigit(line.charAt(nameEnd)) || line.charAt(nameEnd) == '.'
                        || line.charAt(nameEnd) == '_')) {
                    nameEnd++;
                }
                int tagEnd = tagEnd(line, nameEnd);
                if (tagEnd > 0) {
                    components.add(line.substring(nameStart, nameEnd));
                    i = tagEnd;
                    continue;
                }
            }
            kept.append(c);
            i++;
        }
        return kept.toString();
    }

    private static int run(String line, int from, char c) {
        int end = from;
        while (end < line.length() && line.charAt(end) == c) {
            end++;
        }
        return end - from;
    }

    /** The index after the '>' closing a tag, braces and quotes of attribute values skipped; -1 when none. */
    private static int tagEnd(String line, int from) {
        int braces = 0;
        char quote = 0;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '{') {
                braces++;
            } else if (c == '}') {
                braces--;
            } else if (c == '>' && braces <= 0) {
                return i + 1;
            }
        }
        return -1;
    }

    private static String quote(String line) {
        String stripped = line.strip();
        return stripped.length() <= QUOTED_CHARS ? stripped : stripped.substring(0, QUOTED_CHARS) + "…";
    }
}
