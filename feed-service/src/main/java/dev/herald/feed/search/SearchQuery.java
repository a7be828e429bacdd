package dev.herald.feed.search;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a reader typed, read as Herald's search syntax: words (all must match, English stemming), {@code "quoted
 * phrases"} (words in that order) and a last bare word that also matches as a prefix ({@code asyn} finds asyncio).
 * The parts travel to PostgreSQL as parameters only; {@code prefix} holds letters and digits alone, so that it is safe
 * inside {@code to_tsquery} syntax.
 */
record SearchQuery(String words, List<String> phrases, String prefix) {

    static final int MAX_LENGTH = 200;

    private static final Pattern TOKENS = Pattern.compile("\"([^\"]*)\"?|(\\S+)");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    // no control character means anything to a search (a NUL is refused before, as in every query parameter)
    private static final Pattern CONTROLS = Pattern.compile("\\p{Cc}");

    /** The query as typed, control characters as spaces and trimmed; null stays empty. */
    static String normalize(String typed) {
        return typed == null ? "" : CONTROLS.matcher(typed).replaceAll(" ").strip();
    }

    static boolean tooLong(String normalized) {
        return normalized.length() > MAX_LENGTH;
    }

    /** Reads a normalized query that is neither blank nor too long. */
    static SearchQuery parse(String normalized) {
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        String prefix = null;
        Matcher tokens = TOKENS.matcher(normalized);
        while (tokens.find()) {
            if (tokens.group(1) != null) {
                phrases.add(tokens.group(1));
                prefix = null;
            } else {
                words.add(tokens.group(2));
                // the text is stripped, so the last token found ends it
                prefix = WORD.matcher(tokens.group(2)).matches() ? tokens.group(2) : null;
            }
        }
        if (prefix != null) {
            words.remove(words.size() - 1);
        }
        return new SearchQuery(String.join(" ", words), List.copyOf(phrases), prefix);
    }
}
