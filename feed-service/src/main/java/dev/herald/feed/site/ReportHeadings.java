package dev.herald.feed.site;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Fits a report's headings under its page's h1: imported posts start at h1 or h3 and skip levels, which breaks the
 * page's outline for screen readers (and the Nu checker). The top level becomes h2, and no heading goes more than one
 * level below the one before it.
 */
final class ReportHeadings {

    private ReportHeadings() {
    }

    static String fit(String html) {
        Document body = Jsoup.parseBodyFragment(html);
        Elements headings = body.select("h1, h2, h3, h4, h5, h6");
        if (headings.isEmpty()) {
            return html;
        }
        int top = headings.stream().mapToInt(ReportHeadings::level).min().orElse(2);
        int previous = 1;
        for (Element heading : headings) {
            int level = Math.min(Math.min(level(heading) - top + 2, previous + 1), 6);
            heading.tagName("h" + level);
            previous = level;
        }
        body.outputSettings().prettyPrint(false);
        return body.body().html();
    }

    private static int level(Element heading) {
        return heading.tagName().charAt(1) - '0';
    }
}
