package dev.herald.feed.websub;

import java.net.URI;
import java.util.Locale;

/** The {@code host:port} a callback URL reaches, lower-case with the scheme's default port: the unit of per-host bounds. */
final class CallbackHost {

    private CallbackHost() {
    }

    static String of(URI callback) {
        int port = callback.getPort() != -1 ? callback.getPort() : "https".equalsIgnoreCase(callback.getScheme()) ? 443 : 80;
        return callback.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
