package dev.herald.feed.http;

import java.util.Locale;
import java.util.Set;

/**
 * Reads Accept-Encoding (RFC 9110 section 12.5.3) for the one choice a feed has, gzip or identity, and for whether
 * Vert.x will compress a page.
 */
final class AcceptEncoding {

    private static final Set<String> VERTX_CODINGS = Set.of("gzip", "x-gzip", "deflate", "br", "zstd", "snappy", "*");

    private AcceptEncoding() {
    }

    /** gzip when the client accepts it (by name, x-gzip or {@code *}) and does not prefer identity. */
    static boolean prefersGzip(String header) {
        if (header == null) {
            return false;
        }
        double gzip = -1;
        double any = -1;
        double identity = -1;
        for (String element : header.split(",")) {
            String[] parts = element.split(";");
            double quality = quality(parts);
            switch (parts[0].trim().toLowerCase(Locale.ROOT)) {
                case "gzip", "x-gzip" -> gzip = quality;
                case "*" -> any = quality;
                case "identity" -> identity = quality;
                default -> {
                }
            }
        }
        // a coding not named takes the weight of *, if given (section 12.5.3)
        double accepted = gzip >= 0 ? gzip : any;
        return accepted > 0 && accepted >= identity;
    }

    /**
     * Whether Vert.x's compressor (Netty's) will encode a compressible response: it does for any coding it knows, or
     * {@code *}, with a weight above zero, whatever identity weighs. Erring towards yes only weakens a tag.
     */
    static boolean compressedByVertx(String header) {
        if (header == null) {
            return false;
        }
        for (String element : header.split(",")) {
            String[] parts = element.split(";");
            if (VERTX_CODINGS.contains(parts[0].trim().toLowerCase(Locale.ROOT)) && quality(parts) > 0) {
                return true;
            }
        }
        return false;
    }

    static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                try {
                    return Double.parseDouble(parameter.substring(2).trim());
                } catch (NumberFormatException e) {
                    // an unreadable weight accepts nothing rather than guessing
                    return 0;
                }
            }
        }
        return 1;
    }
}
