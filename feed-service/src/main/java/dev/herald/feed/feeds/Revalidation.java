package dev.herald.feed.feeds;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;

/** When a client's copy of a feed, page or sitemap is current: RFC 9110 section 13.2.2, for a GET. */
public final class Revalidation {

    private Revalidation() {
    }

    /** A strong entity tag hashed from the bytes sent: the same content gets the same tag on every instance, always. */
    public static String tag(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * If-None-Match, when sent, decides alone, compared weakly as GET allows (a proxy that compresses may have marked
     * the tag weak) against the selected representation's {@code tag} only (13.1.2); otherwise If-Modified-Since
     * against {@code lastModified} (null when the answer has none), in the whole seconds Last-Modified is sent in.
     */
    public static boolean notModified(String ifNoneMatch, String ifModifiedSince, String tag, Instant lastModified) {
        if (ifNoneMatch != null) {
            // a client sends back the one tag it was given: compared as it is before the list is parsed
            return ifNoneMatch.equals(tag) || Arrays.stream(ifNoneMatch.split(","))
                    .map(String::trim)
                    .map(candidate -> candidate.startsWith("W/") ? candidate.substring(2) : candidate)
                    .anyMatch(candidate -> candidate.equals("*") || candidate.equals(tag));
        }
        if (ifModifiedSince != null && lastModified != null) {
            try {
                long since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
                return lastModified.getEpochSecond() <= since;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }
}
