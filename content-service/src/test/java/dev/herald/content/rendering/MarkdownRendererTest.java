package dev.herald.content.rendering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer(new HtmlSanitizer());

    private String html(String markdown) {
        return renderer.render(markdown, null, Map.of()).html();
    }

    @Test
    void scriptsInsideCodeComeOutAsEscapedText() {
        String html = html("```html\n<script>alert('x')</script>\n```\n\nand `<script>inline</script>`\n");
        assertFalse(html.contains("<script"), html);
        assertTrue(html.contains("&lt;script&gt;alert("), html);
        assertTrue(html.contains("<code>&lt;script&gt;inline&lt;/script&gt;</code>"), html);
        assertTrue(html.contains("<pre><code class=\"language-html\">"), html);
    }

    @Test
    void theCorpusEntityExpansionExampleStaysEscapedText() throws IOException {
        String markdown = corpus("announcing-defusedxml-fixes-for-xml");
        String html = html(markdown);
        assertTrue(markdown.contains("<!ENTITY"));
        assertFalse(html.contains("<!ENTITY"), "no markup may come out of a code block");
        assertTrue(html.contains("<pre><code>&lt;!ENTITY b &#34;&amp;a;&amp;a;"), html);
        assertTrue(html.contains("know about &lt;!DOCTYPE&gt; from experience"), html);
    }

    @Test
    void rawHtmlLosesScriptsEventHandlersAndJavascriptUrls() {
        String html = html("""
                <script>alert(1)</script>
                <p onclick="steal()">click</p>
                <img src="https://example.org/a.png" onerror="alert(2)">
                <a href="javascript:alert(3)">bad link</a>
                <style>body{display:none}</style>

                a [md link](javascript:alert) in Markdown
                """);
        assertFalse(html.contains("script"), html);
        assertFalse(html.contains("onclick"), html);
        assertFalse(html.contains("onerror"), html);
        assertFalse(html.contains("javascript:"), html);
        assertFalse(html.contains("<style"), html);
        assertTrue(html.contains("<img src=\"https://example.org/a.png\""), html);
        assertTrue(html.contains("click"), html);
    }

    @Test
    void iframesOnlyFromVideoSites() {
        String html = html("""
                <iframe src="https://evil.example/x"></iframe>

                <iframe src="https://www.youtube-nocookie.com/embed/abc" width="560" height="315"></iframe>
                """);
        assertFalse(html.contains("evil.example"), html);
        assertTrue(html.contains("<iframe src=\"https://www.youtube-nocookie.com/embed/abc\""), html);
    }

    @Test
    void tablesFiguresStrikethroughAutolinksAndHeadingAnchorsAreKept() {
        String html = html("""
                # Core Sprint 2019

                | a | b |
                |---|---|
                | 1 | ~~2~~ |

                <figure><img src="https://example.org/p.png" alt="people"><figcaption>All of us</figcaption></figure>

                See https://www.python.org for more.
                """);
        assertTrue(html.contains("<h1 id=\"core-sprint-2019\">"), html);
        assertTrue(html.contains("<table>") && html.contains("<td>1</td>"), html);
        assertTrue(html.contains("<del>2</del>"), html);
        assertTrue(html.contains("<figure>") && html.contains("<figcaption>All of us</figcaption>"), html);
        assertTrue(html.contains("<a href=\"https://www.python.org\""), html);
    }

    @Test
    void linksOpenWithoutTheirOpenerOrReferrerInOneOrderOnEveryJvm() {
        String html = html("[Python](https://www.python.org), <a href=\"/x\" rel=\"opener\">x</a>, <a title=\"href\">no link</a>");

        assertTrue(html.contains("<a href=\"https://www.python.org\" rel=\"noopener noreferrer\">Python</a>"), html);
        assertTrue(html.contains("<a href=\"/x\" rel=\"noopener noreferrer\">x</a>"), html);
        assertEquals(2, html.split("rel=", -1).length - 1, html);
    }

    @Test
    void relativeImagesPointToStoredAssetsAndMissingOnesAreReported() {
        Rendering rendering = renderer.render("""
                ![caption](image-1.png)

                <img src="./image-2.jpeg" alt="">

                ![gone](image-3.png)
                """, null, Map.of("image-1.png", "http://content.test/assets/1/image-1.png",
                "image-2.jpeg", "http://content.test/assets/2/image-2.jpeg"));
        assertTrue(rendering.html().contains("src=\"http://content.test/assets/1/image-1.png\""), rendering.html());
        assertTrue(rendering.html().contains("src=\"http://content.test/assets/2/image-2.jpeg\""), rendering.html());
        assertEquals(List.of("image-1.png", "image-2.jpeg"), rendering.usedAssets());
        assertEquals(List.of("image-3.png"), rendering.missingImages());
    }

    @Test
    void summaryIsTheDescriptionOrDerivedFromTheText() {
        assertEquals("Given.", renderer.render("Body text", "Given.", Map.of()).summary());
        String derived = renderer.render("# Title\n\nSome *body* text & more.\n\n" + "word ".repeat(100), null, Map.of())
                .summary();
        assertTrue(derived.startsWith("Title Some body text & more. word"), derived);
        assertTrue(derived.length() <= 301 && derived.endsWith("…"), derived);
    }

    private static String corpus(String slug) throws IOException {
        try (InputStream in = MarkdownRendererTest.class.getResourceAsStream("/corpus/posts/" + slug + "/index.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void mdxImportsExportsAndComponentsLeaveTheHtmlEachWithAWarning() throws IOException {
        String mdx;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/mdx-showcase/index.mdx")) {
            mdx = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String body = mdx.substring(mdx.indexOf("---\n", 4) + 4);
        Rendering rendering = renderer.renderMdx(body, null, Map.of());
        String html = rendering.html();
        for (String gone : List.of("import", "export", "featured", "<chart", "<note")) {
            assertFalse(html.toLowerCase().contains(gone), () -> gone + " in " + html);
        }
        assertTrue(html.contains("<p>Old links keep working: every post <strong>redirects</strong> to its new address.</p>"), html);
        assertTrue(html.contains("&lt;ShowcasePostCards /&gt; stays as written inside code"), html);
        assertFalse(html.replace("&lt;ShowcasePostCards /&gt;", "").contains("ShowcasePostCards"), html);
        List<String> warnings = rendering.warnings();
        assertEquals(6, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("import ShowcasePostCards from '@site/src/components/ShowcasePostCards'"), warnings::toString);
        assertTrue(warnings.get(2).startsWith("MDX export dropped"), warnings::toString);
        assertTrue(warnings.containsAll(List.of("MDX component <ShowcasePostCards> dropped from the HTML",
                "MDX component <Chart> dropped from the HTML", "MDX component <Note> dropped from the HTML")), warnings::toString);
    }
}
