package dev.herald.feed.avatars;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The avatar of someone without a usable image: their initials on a colour chosen from their name. */
final class Initials {

    // each carries white text at a contrast of 4.5:1 or more (WCAG AA)
    private static final String[] COLOURS = {"#1f5f8b", "#7a3e9d", "#2e6b30", "#9c3d1a", "#5a5a5a", "#8a2846"};

    private Initials() {
    }

    static Avatar of(String name) {
        // letters and digits only, so nothing in the SVG comes from the name but them
        String initials = Arrays.stream(name.trim().split("\\s+"))
                .filter(word -> !word.isEmpty() && Character.isLetterOrDigit(word.codePointAt(0)))
                .map(word -> Character.toString(word.codePointAt(0)))
                .collect(Collectors.joining());
        if (initials.codePointCount(0, initials.length()) > 2) {
            initials = initials.substring(0, initials.offsetByCodePoints(0, 1))
                    + initials.substring(initials.offsetByCodePoints(0, initials.codePointCount(0, initials.length()) - 1));
        }
        String colour = COLOURS[Math.floorMod(name.hashCode(), COLOURS.length)];
        return Avatar.svg("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\" viewBox=\"0 0 64 64\">"
                + "<rect width=\"64\" height=\"64\" fill=\"" + colour + "\"/>"
                + "<text x=\"32\" y=\"32\" dy=\".35em\" text-anchor=\"middle\" font-family=\"system-ui, sans-serif\""
                + " font-size=\"26\" fill=\"#fff\">" + initials.toUpperCase(Locale.ROOT) + "</text></svg>");
    }
}
