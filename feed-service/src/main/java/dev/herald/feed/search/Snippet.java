package dev.herald.feed.search;

/**
 * A highlighted snippet as HTML: PostgreSQL marks the hits in plain text with two private-use characters (removed from
 * the text beforehand), the text is escaped, and only then do the markers become Herald's own {@code <mark>} tags.
 */
final class Snippet {

    static final String START = "\uE000";
    static final String STOP = "\uE001";

    private Snippet() {
    }

    static String html(String marked) {
        if (marked == null) {
            return "";
        }
        StringBuilder html = new StringBuilder(marked.length() + 32);
        marked.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '&' -> html.append("&amp;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                case 0xE000 -> html.append("<mark>");
                case 0xE001 -> html.append("</mark>");
                default -> html.appendCodePoint(c);
            }
        });
        return html.toString();
    }
}
