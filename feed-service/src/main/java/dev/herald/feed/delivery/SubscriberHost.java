package dev.herald.feed.delivery;

import java.net.URI;
import java.util.Locale;

/** The {@code host:port} a subscriber URL reaches, lower-case with the scheme's default port: the unit of per-host bounds. */
public final class SubscriberHost {

    private SubscriberHost() {
    }

    /** For a URL {@link CallbackClient#check} accepted. */
    public static String of(String url) {
        URI uri = URI.create(url);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
