package dev.herald.attendees.api;

import java.text.Normalizer;
import java.util.Locale;

/** URL slugs: lower-case ASCII words joined by hyphens. */
public final class Slugs {

    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final String MESSAGE = "must be lower-case letters and digits joined by single hyphens";

    private Slugs() {
    }

    /** The slug of a display name, e.g. "Łukasz Langa" gives "lukasz-langa". */
    public static String of(String name) {
        // Ł and ł do not decompose into a base letter and a mark, so NFD alone would drop them
        String latin = name.replace('Ł', 'L').replace('ł', 'l').replace('ß', 's').replace('Ø', 'O').replace('ø', 'o');
        String ascii = Normalizer.normalize(latin, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    }
}
