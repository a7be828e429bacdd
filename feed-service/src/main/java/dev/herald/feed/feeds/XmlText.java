package dev.herald.feed.feeds;

/** Makes any string safe as XML 1.0 character data: characters the specification forbids are dropped. */
public final class XmlText {

    private XmlText() {
    }

    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean keep;
            int width = 1;
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                keep = true;
                width = 2;
            } else {
                keep = allowed(c);
            }
            if (!keep && out == null) {
                out = new StringBuilder(length).append(text, 0, i);
            }
            if (keep && out != null) {
                out.append(text, i, i + width);
            }
            i += width - 1;
        }
        return out == null ? text : out.toString();
    }

    // XML 1.0 Char production for the basic plane; lone surrogates are not characters at all
    private static boolean allowed(char c) {
        return c == 0x9 || c == 0xA || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD);
    }
}
