package dev.herald.content.rendering;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.owasp.html.AttributePolicy;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The OWASP java-html-sanitizer policy for report HTML: text formatting, headings with their anchors, lists, tables,
 * figures, images, links and code are kept; scripts, styles, event handlers, {@code javascript:} URLs and iframes
 * from hosts other than the video sites are dropped. Relative image paths are pointed at the stored assets here, so
 * Markdown images and raw {@code <img>} tags are treated alike.
 */
@ApplicationScoped
public class HtmlSanitizer {

    private static final Pattern ANCHOR_ID = Pattern.compile("[\\p{L}\\p{N}_.:-]{1,200}");
    private static final Pattern CODE_LANGUAGE = Pattern.compile("language-[\\w+#.-]{1,40}");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,4}%?");
    private static final Pattern ALIGN = Pattern.compile("(?i)left|right|center|justify");
    private static final Pattern VIDEO_EMBED = Pattern.compile(
            "https://(www\\.youtube\\.com|www\\.youtube-nocookie\\.com|player\\.vimeo\\.com)/[\\w/?=&.%-]*");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    public record Result(String html, String text, List<String> usedAssets, List<String> missingImages) {
    }

    public Result sanitize(String unsafeHtml, Map<String, String> assetUrls) {
        Set<String> used = new LinkedHashSet<>();
        Set<String> missing = new LinkedHashSet<>();
        AttributePolicy imageSource = (element, attribute, value) -> {
            String name = assetName(value);
            if (name == null) {
                return value;
            }
            if (assetUrls.containsKey(name)) {
                used.add(name);
                return assetUrls.get(name);
            }
            missing.add(name);
            return value;
        };
        AttributePolicy linkTarget = (element, attribute, value) -> {
            String name = assetName(value);
            if (name != null && assetUrls.containsKey(name)) {
                used.add(name);
                return assetUrls.get(name);
            }
            return value;
        };
        String html = policy(imageSource, linkTarget).sanitize(unsafeHtml);
        return new Result(html, textOf(html), List.copyOf(used), List.copyOf(missing));
    }

    private static PolicyFactory policy(AttributePolicy imageSource, AttributePolicy linkTarget) {
        return new HtmlPolicyBuilder()
                .allowCommonBlockElements()
                .allowCommonInlineFormattingElements()
                .allowElements("pre", "code", "kbd", "samp", "var", "hr", "br", "figure", "figcaption", "dl", "dt", "dd",
                        "abbr", "cite", "q", "mark", "details", "summary", "table", "caption", "colgroup", "col", "thead",
                        "tbody", "tfoot", "tr", "th", "td", "a", "img")
                .allowAttributes("id").matching(ANCHOR_ID).onElements("h1", "h2", "h3", "h4", "h5", "h6")
                .allowAttributes("class").matching(CODE_LANGUAGE).onElements("code")
                .allowAttributes("title").globally()
                .allowAttributes("align").matching(ALIGN).onElements("p", "div", "table", "tr", "td", "th", "img")
                .allowAttributes("colspan", "rowspan").matching(NUMBER).onElements("td", "th")
                .allowAttributes("width", "height").matching(NUMBER).onElements("img", "td", "th", "table", "iframe")
                .allowAttributes("cellpadding", "cellspacing", "border").matching(NUMBER).onElements("table")
                .allowAttributes("href").matching(linkTarget).onElements("a")
                .allowAttributes("src").matching(imageSource).onElements("img")
                .allowAttributes("alt").onElements("img")
                .allowAttributes("src").matching(VIDEO_EMBED).onElements("iframe")
                .allowAttributes("allowfullscreen").onElements("iframe")
                // an iframe whose source was refused is dropped whole, not left as an empty frame
                .allowElements((element, attributes) -> attributes.contains("src") ? element : null, "iframe")
                .allowUrlProtocols("http", "https", "mailto")
                // not requireRelsOnLinks: its set is ordered differently in each JVM, and the HTML must be the same
                .allowElements(HtmlSanitizer::withRels, "a")
                .toFactory();
    }

    /** A link opens its target without giving it this page or its address. */
    private static String withRels(String element, List<String> attributes) {
        for (int i = 0; i < attributes.size(); i += 2) {
            if (attributes.get(i).equals("href")) {
                attributes.add("rel");
                attributes.add("noopener noreferrer");
                break;
            }
        }
        return element;
    }

    /** The file name a relative URL refers to ({@code ./image-1.png} -> {@code image-1.png}), or null when absolute. */
    private static String assetName(String url) {
        String value = url.strip();
        if (value.isEmpty() || value.startsWith("/") || value.startsWith("#") || SCHEME.matcher(value).find()) {
            return null;
        }
        while (value.startsWith("./")) {
            value = value.substring(2);
        }
        int query = value.indexOf('?');
        return query < 0 ? value : value.substring(0, query);
    }

    // the sanitiser decodes entities before handing text over, so this is the text a reader sees
    private static String textOf(String safeHtml) {
        StringBuilder text = new StringBuilder();
        org.owasp.html.HtmlSanitizer.sanitize(safeHtml, new org.owasp.html.HtmlSanitizer.Policy() {
            @Override
            public void openDocument() {
            }

            @Override
            public void closeDocument() {
            }

            @Override
            public void openTag(String elementName, List<String> attrs) {
                text.append(' ');
            }

            @Override
            public void closeTag(String elementName) {
                text.append(' ');
            }

            @Override
            public void text(String textChunk) {
                text.append(textChunk);
            }
        });
        return text.toString();
    }
}
