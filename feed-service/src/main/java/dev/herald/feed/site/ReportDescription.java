package dev.herald.feed.site;

import org.jsoup.Jsoup;

import dev.herald.feed.readmodel.PublishedReport;

/** The description of a report for search results and link previews: its summary, else the start of its text. */
final class ReportDescription {

    // search engines show about this much of a description
    private static final int LENGTH = 200;

    private ReportDescription() {
    }

    static String of(PublishedReport report) {
        if (report.summary() != null && !report.summary().isBlank()) {
            return report.summary().strip();
        }
        String text = report.contentHtml() == null ? "" : Jsoup.parseBodyFragment(report.contentHtml()).text().strip();
        if (text.isEmpty()) {
            return report.title();
        }
        if (text.length() <= LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', LENGTH);
        return text.substring(0, cut > 0 ? cut : LENGTH) + "…";
    }
}
