package dev.herald.feed.websub;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.herald.feed.feeds.FeedAssembler;
import dev.herald.feed.readmodel.FeedScope;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which URLs are topics: the first page of every feed (all, tag, author, event in Atom, RSS and JSON Feed) and the
 * home, tag, author and event pages, under {@code herald.public-base-url}, without a query (later pages are not).
 */
@ApplicationScoped
class Topics {

    private static final String FILE = "(atom\\.xml|rss\\.xml|feed\\.json)";
    private static final Pattern ALL_FEED = Pattern.compile("/feeds/" + FILE);
    private static final Pattern SCOPED = Pattern.compile("/(tags|authors|events)/([^/?#]+)(?:/" + FILE + ")?");

    private final FeedAssembler assembler;

    Topics(FeedAssembler assembler) {
        this.assembler = assembler;
    }

    /** The topic a URL names; empty when Herald does not distribute it. */
    Optional<Topic> parse(String url) {
        String base = assembler.baseUrl();
        if (!url.startsWith(base) || url.indexOf('?') >= 0 || url.indexOf('#') >= 0) {
            return Optional.empty();
        }
        String path = url.substring(base.length());
        if (path.isEmpty() || path.equals("/")) {
            return Optional.of(new Topic(url, FeedScope.ALL, Representation.PAGE));
        }
        Matcher all = ALL_FEED.matcher(path);
        if (all.matches()) {
            return Representation.ofFileName(all.group(1)).map(r -> new Topic(url, FeedScope.ALL, r));
        }
        Matcher scoped = SCOPED.matcher(path);
        if (!scoped.matches()) {
            return Optional.empty();
        }
        String value;
        try {
            // as FeedRoutes reads the segment: '+' is a plus sign, not a space
            value = URLDecoder.decode(scoped.group(2).replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        FeedScope scope = switch (scoped.group(1)) {
            case "tags" -> FeedScope.tag(value);
            case "authors" -> FeedScope.author(value);
            default -> FeedScope.event(value);
        };
        Optional<Representation> representation = scoped.group(3) == null ? Optional.of(Representation.PAGE)
                : Representation.ofFileName(scoped.group(3));
        return representation.map(r -> new Topic(url, scope, r));
    }
}
