package dev.herald.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code If-Match} request header (RFC 9110 13.1.1): {@code *} or a list of entity tags, compared strongly, so a
 * weak tag never matches. An absent header places no condition.
 */
public final class IfMatch {

    /** No If-Match header: the write goes ahead on whatever is current. */
    public static final IfMatch ABSENT = new IfMatch(true, List.of());

    private static final Pattern TAG = Pattern.compile("\\s*(W/)?\"([^\"]*)\"\\s*(,|$)");

    private final boolean any;
    private final List<String> strongTags;

    private IfMatch(boolean any, List<String> strongTags) {
        this.any = any;
        this.strongTags = strongTags;
    }

    /** Reads the header; a malformed one is a 400 naming it. */
    public static IfMatch parse(String header) {
        if (header == null || header.isBlank()) {
            return ABSENT;
        }
        if (header.strip().equals("*")) {
            return new IfMatch(true, List.of());
        }
        List<String> tags = new ArrayList<>();
        Matcher matcher = TAG.matcher(header);
        int end = 0;
        while (end < header.length() && matcher.find(end) && matcher.start() == end) {
            if (matcher.group(1) == null) {
                tags.add(matcher.group(2));
            }
            end = matcher.end();
        }
        if (end != header.length()) {
            throw ProblemException.invalid("If-Match", "must be * or a list of entity tags such as \"7\"");
        }
        return new IfMatch(false, List.copyOf(tags));
    }

    /** Fails with 412 unless the current entity tag (without quotes) is one the client named. */
    public void check(String what, String currentTag) {
        if (!any && !strongTags.contains(currentTag)) {
            throw ProblemException.preconditionFailed(what + " has changed since you read it (its ETag is now \""
                    + currentTag + "\"); read it again and retry with that If-Match");
        }
    }
}
