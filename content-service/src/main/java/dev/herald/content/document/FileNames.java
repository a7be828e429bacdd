package dev.herald.content.document;

import java.util.Optional;

/**
 * Checks the name of an uploaded file (a form part or the last segment of a zip entry) before it is stored, served
 * or written into an export zip: no path, no traversal, no control characters, not hidden, not over-long.
 */
public final class FileNames {

    private FileNames() {
    }

    /** Why the name cannot be used, or empty when it can. */
    public static Optional<String> problem(String name, int maxChars) {
        if (name == null || name.isBlank()) {
            return Optional.of("has no file name");
        }
        if (name.length() > maxChars) {
            return Optional.of("has a file name longer than " + maxChars + " characters");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.indexOf(':') >= 0) {
            return Optional.of("has a file name with a path in it");
        }
        if (name.equals("..") || name.startsWith(".")) {
            return Optional.of("has a hidden or relative file name");
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c >= 0x80 && c <= 0x9f || c == 0xFFFE || c == 0xFFFF
                || Character.isSurrogate((char) c))) {
            return Optional.of("has a file name with control or invalid characters");
        }
        return Optional.empty();
    }

    /** The name as it can be shown in an answer: control characters escaped, at most 200 characters. */
    public static String printable(String name) {
        StringBuilder shown = new StringBuilder();
        name.codePoints().limit(200).forEach(c -> {
            if (c < 0x20 || c == 0x7f || c >= 0x80 && c <= 0x9f || c == 0xFFFE || c == 0xFFFF || c >= 0xD800 && c <= 0xDFFF) {
                shown.append(String.format("\\u%04X", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return name.length() > 200 ? shown + "…" : shown.toString();
    }
}
