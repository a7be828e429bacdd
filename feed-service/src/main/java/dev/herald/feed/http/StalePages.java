package dev.herald.feed.http;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The last page rendered for each address, so that a reader gets it rather than an error while the database cannot
 * be reached (stale-if-error, RFC 5861); the least recently rendered go first beyond {@link #MAX_CHARS}.
 */
@ApplicationScoped
public class StalePages {

    /** About 4 MB of pages: the home, year, tag and most read report pages of a site this size. */
    static final long MAX_CHARS = 4_000_000;

    private final Map<String, String> pages = new LinkedHashMap<>(64, 0.75f, true);
    private long chars;

    synchronized void remember(String address, String html) {
        if (html.length() > MAX_CHARS / 4) {
            return;
        }
        String previous = pages.put(address, html);
        chars += html.length() - (previous == null ? 0 : previous.length());
        for (Iterator<String> oldest = pages.values().iterator(); chars > MAX_CHARS && oldest.hasNext();) {
            chars -= oldest.next().length();
            oldest.remove();
        }
    }

    synchronized Optional<String> lastRendered(String address) {
        return Optional.ofNullable(pages.get(address));
    }
}
