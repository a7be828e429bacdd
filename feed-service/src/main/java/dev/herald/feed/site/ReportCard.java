package dev.herald.feed.site;

import java.util.List;

/** What a listing shows of one report; dates are already formatted for readers and machines. */
public record ReportCard(String title, String url, String date, String isoDate, String yearUrl, String authorName,
        String authorUrl, String summary, List<Link> tags) {
}
