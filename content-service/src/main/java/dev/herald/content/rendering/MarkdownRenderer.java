package dev.herald.content.rendering;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * CommonMark with GitHub tables, strikethrough, autolinks and heading anchors. Raw HTML in the Markdown is kept by
 * the renderer and then cleaned by {@link HtmlSanitizer}; code blocks and spans are escaped text from the start, and
 * so are XML declarations quoted outside code ({@link DeclarationAsTextRenderer}).
 */
@ApplicationScoped
public class MarkdownRenderer {

    private static final int SUMMARY_CHARS = 300;

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final HtmlSanitizer sanitizer;

    public MarkdownRenderer(HtmlSanitizer sanitizer) {
        List<Extension> extensions = List.of(TablesExtension.create(), StrikethroughExtension.create(),
                AutolinkExtension.create(), HeadingAnchorExtension.create());
        this.parser = Parser.builder().extensions(extensions).build();
        this.renderer = HtmlRenderer.builder().extensions(extensions)
                .nodeRendererFactory(DeclarationAsTextRenderer::new).build();
        this.sanitizer = sanitizer;
    }

    /**
     * Renders the body; {@code assetUrls} maps an asset's file name (as the Markdown refers to it, e.g.
     * {@code image-1.png}) to its public URL.
     */
    public Rendering render(String markdown, String description, Map<String, String> assetUrls) {
        return render(markdown, List.of(), description, assetUrls);
    }

    /** Renders an MDX body: what it holds that HTML cannot (imports, exports, components) is dropped with a warning. */
    public Rendering renderMdx(String mdx, String description, Map<String, String> assetUrls) {
        MdxToMarkdown.Result converted = MdxToMarkdown.convert(mdx);
        return render(converted.markdown(), converted.warnings(), description, assetUrls);
    }

    private Rendering render(String markdown, List<String> warnings, String description, Map<String, String> assetUrls) {
        String unsafe = renderer.render(parser.parse(markdown));
        HtmlSanitizer.Result clean = sanitizer.sanitize(unsafe, assetUrls);
        String summary = description != null && !description.isBlank() ? description.strip() : summaryOf(clean.text());
        return new Rendering(clean.html(), summary, clean.usedAssets(), clean.missingImages(), warnings);
    }

    // cut at a word boundary so that aggregators never show half a word
    private static String summaryOf(String text) {
        String collapsed = text.replaceAll("\\s+", " ").strip();
        if (collapsed.length() <= SUMMARY_CHARS) {
            return collapsed;
        }
        int cut = collapsed.lastIndexOf(' ', SUMMARY_CHARS);
        return collapsed.substring(0, cut > 0 ? cut : SUMMARY_CHARS) + "…";
    }
}
