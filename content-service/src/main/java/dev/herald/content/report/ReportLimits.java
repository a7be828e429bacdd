package dev.herald.content.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.herald.problem.FieldError;
import dev.herald.problem.ProblemException;

/**
 * The limits of every report field, checked before the database sees a value, for imports and the JSON API alike
 * (both save through {@link ReportService}). The column sizes of V1 and the event schemas in docs/events follow them.
 * Single-line fields take no control characters at all; the description and the body take tabs and line breaks, and
 * nothing XML 1.0 forbids, so every feed built from a report stays well-formed.
 */
public final class ReportLimits {

    public static final int SLUG_CHARS = 200;
    public static final int TITLE_CHARS = 500;
    public static final int DESCRIPTION_CHARS = 2000;
    public static final int AUTHOR_CHARS = 200;
    public static final int TAGS = 50;
    public static final int TAG_CHARS = 100;
    public static final int LEGACY_URL_CHARS = 1000;
    public static final int EVENT_CHARS = 200;
    public static final int BODY_CHARS = 1_000_000;
    /** Dates a feed can carry in every format it speaks (RFC 822, RFC 3339) and PostgreSQL can store. */
    public static final Instant EARLIEST_DATE = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LATEST_DATE = Instant.parse("9999-12-31T23:59:59Z");

    private ReportLimits() {
    }

    /** Every field over its limit, or an empty list. */
    public static List<FieldError> violations(ReportContent content) {
        List<FieldError> errors = new ArrayList<>();
        line(errors, "slug", content.slug(), SLUG_CHARS);
        line(errors, "title", content.title(), TITLE_CHARS);
        text(errors, "description", content.description(), DESCRIPTION_CHARS);
        line(errors, "author", content.authorName(), AUTHOR_CHARS);
        line(errors, "authorSlug", content.authorSlug(), SLUG_CHARS);
        if (content.tags() != null) {
            if (content.tags().size() > TAGS) {
                errors.add(new FieldError("tags", "must hold at most " + TAGS + " tags"));
            }
            for (int i = 0; i < content.tags().size(); i++) {
                String tag = content.tags().get(i);
                if (tag == null || tag.isBlank()) {
                    errors.add(new FieldError("tags[" + i + "]", "must not be blank"));
                } else {
                    line(errors, "tags[" + i + "]", tag, TAG_CHARS);
                }
            }
        }
        date(errors, "publishDate", content.publishDate());
        date(errors, "updatedDate", content.updatedDate());
        line(errors, "legacyUrl", content.legacyUrl(), LEGACY_URL_CHARS);
        if (content.legacyUrl() != null && !content.legacyUrl().matches("/\\S*")) {
            errors.add(new FieldError("legacyUrl", "must be a path starting with / and without spaces"));
        }
        line(errors, "event", content.eventSlug(), EVENT_CHARS);
        text(errors, "body", content.body(), BODY_CHARS);
        return errors;
    }

    /** Refuses the content with a 400 problem naming each field over its limit. */
    public static void check(ReportContent content) {
        List<FieldError> errors = violations(content);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void line(List<FieldError> errors, String field, String value, int maxChars) {
        if (value == null) {
            return;
        }
        if (value.length() > maxChars) {
            errors.add(new FieldError(field, "must be at most " + maxChars + " characters (it has " + value.length() + ")"));
        }
        int bad = firstForbidden(value, false);
        if (bad >= 0) {
            errors.add(new FieldError(field, forbidden(value, bad)));
        }
    }

    private static void text(List<FieldError> errors, String field, String value, int maxChars) {
        if (value == null) {
            return;
        }
        if (value.length() > maxChars) {
            errors.add(new FieldError(field, "must be at most " + maxChars + " characters (it has " + value.length() + ")"));
        }
        int bad = firstForbidden(value, true);
        if (bad >= 0) {
            errors.add(new FieldError(field, forbidden(value, bad)));
        }
    }

    private static void date(List<FieldError> errors, String field, Instant value) {
        if (value != null && (value.isBefore(EARLIEST_DATE) || value.isAfter(LATEST_DATE))) {
            errors.add(new FieldError(field, "must be between the years 1900 and 9999"));
        }
    }

    private static String forbidden(String value, int index) {
        return "must not contain the character U+%04X (at %d)".formatted((int) value.charAt(index), index);
    }

    /** The index of the first control, non-character or lone surrogate, or -1; line breaks and tabs only in text. */
    static int firstForbidden(String value, boolean multiLine) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                if (!multiLine) {
                    return i;
                }
            } else if (c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\uFFFE' || c == '\uFFFF') {
                return i;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return i;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
