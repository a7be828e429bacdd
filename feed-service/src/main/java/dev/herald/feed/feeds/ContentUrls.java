package dev.herald.feed.feeds;

import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Rewrites every URL in an HTML fragment to an absolute one: many readers and RSS-to-email tools ignore xml:base,
 * so relative images and links would break there.
 */
public final class ContentUrls {

    private static final String[] URL_ATTRIBUTES = {"href", "src", "poster", "cite", "action", "longdesc"};

    private ContentUrls() {
    }

    /**
     * Resolves the fragment's URLs against {@code base}, an absolute URL (the entry's permalink). One walk over the
     * elements: a selector per attribute parsed its query and walked the tree seven times per entry and render.
     */
    public static String absolutize(String html, String base) {
        Document document = Jsoup.parseBodyFragment(XmlText.clean(html), base);
        document.outputSettings().prettyPrint(false);
        for (Element element : document.body().getAllElements()) {
            for (String attribute : URL_ATTRIBUTES) {
                if (element.hasAttr(attribute)) {
                    element.attr(attribute, resolve(base, element.attr(attribute)));
                }
            }
            if (element.hasAttr("srcset")) {
                element.attr("srcset", resolveSrcset(base, element.attr("srcset")));
            }
        }
        return document.body().html();
    }

    /** Resolves one URL against an absolute base; what cannot be parsed is left as it was. */
    public static String resolve(String base, String url) {
        String trimmed = url.trim();
        try {
            return URI.create(base).resolve(trimmed).toString();
        } catch (IllegalArgumentException e) {
            return trimmed;
        }
    }

    private static String resolveSrcset(String base, String srcset) {
        return Arrays.stream(srcset.split(","))
                .map(String::trim)
                .filter(candidate -> !candidate.isEmpty())
                .map(candidate -> {
                    int space = candidate.indexOf(' ');
                    return space < 0
                            ? resolve(base, candidate)
                            : resolve(base, candidate.substring(0, space)) + candidate.substring(space);
                })
                .collect(Collectors.joining(", "));
    }
}
