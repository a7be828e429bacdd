package dev.herald.feed.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ContentUrlsTest {

    static final String PERMALINK = "https://herald.example/2019/10/sprint";

    @Test
    void everyKindOfReferenceBecomesAbsolute() {
        String html = "<p><a href=\"/tags/core\">t</a> <a href=\"#major\">m</a> <a href=\"mailto:psf@example.org\">e</a>"
                + " <a href=\"https://python.org/psf/\">p</a></p>"
                + "<img src=\"./image-1.jpeg\" srcset=\"a.jpeg 1x, /b.jpeg 2x\" alt=\"Sprint\">"
                + "<video poster=\"../poster.png\"></video><blockquote cite=\"//other.example/q\">q</blockquote>";

        assertEquals("<p><a href=\"https://herald.example/tags/core\">t</a>"
                + " <a href=\"https://herald.example/2019/10/sprint#major\">m</a>"
                + " <a href=\"mailto:psf@example.org\">e</a> <a href=\"https://python.org/psf/\">p</a></p>"
                + "<img src=\"https://herald.example/2019/10/image-1.jpeg\""
                + " srcset=\"https://herald.example/2019/10/a.jpeg 1x, https://herald.example/b.jpeg 2x\" alt=\"Sprint\">"
                + "<video poster=\"https://herald.example/2019/poster.png\"></video>"
                + "<blockquote cite=\"https://other.example/q\">q</blockquote>",
                ContentUrls.absolutize(html, PERMALINK));
    }

    @Test
    void anUnparsableUrlIsKeptAsItWas() {
        assertEquals("http://[bad", ContentUrls.resolve(PERMALINK, "http://[bad"));
    }
}
