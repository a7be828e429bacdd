package dev.herald.content.rendering;

import java.util.Set;

import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Raw HTML that is really XML or SGML ({@code <!DOCTYPE ...>}, {@code <!ENTITY ...>}, {@code <?xml ...?>}) is
 * written as escaped text: reports quote such snippets (an entity-expansion "bomb" among them) outside code fences,
 * and the sanitiser would otherwise drop them silently. Other raw HTML goes on to the sanitiser as it is.
 */
class DeclarationAsTextRenderer implements NodeRenderer {

    private final HtmlWriter html;

    DeclarationAsTextRenderer(HtmlNodeRendererContext context) {
        this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(HtmlBlock.class, HtmlInline.class);
    }

    @Override
    public void render(Node node) {
        if (node instanceof HtmlBlock block) {
            html.line();
            if (isDeclaration(block.getLiteral())) {
                html.tag("pre");
                html.tag("code");
                html.text(block.getLiteral());
                html.tag("/code");
                html.tag("/pre");
            } else {
                html.raw(block.getLiteral());
            }
            html.line();
        } else if (node instanceof HtmlInline inline) {
            if (isDeclaration(inline.getLiteral())) {
                html.text(inline.getLiteral());
            } else {
                html.raw(inline.getLiteral());
            }
        }
    }

    private static boolean isDeclaration(String literal) {
        String start = literal.stripLeading();
        return start.startsWith("<?") || start.startsWith("<!") && !start.startsWith("<!--");
    }
}
