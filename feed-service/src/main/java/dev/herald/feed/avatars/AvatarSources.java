package dev.herald.feed.avatars;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import dev.herald.feed.delivery.CallbackClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Images fetched from where people's profiles point, kept in memory: a page links Herald's copy, so a reader's
 * browser never calls the source (no tracking, no mixed content, no broken image when the source is down). The
 * source is called like a subscriber's URL (public addresses only, no redirects) and at most once at a time.
 */
@ApplicationScoped
class AvatarSources {

    private static final Logger LOG = Logger.getLogger(AvatarSources.class);

    private final CallbackClient client;
    private final AvatarConfig config;
    private final Map<String, Fetch> fetches;

    AvatarSources(CallbackClient client, AvatarConfig config) {
        this.client = client;
        this.config = config;
        this.fetches = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Fetch> eldest) {
                return size() > config.entries();
            }
        };
    }

    /** The image at {@code url}, or empty when it cannot be had (refused, failed, too large, not an image). */
    Uni<Optional<Avatar>> image(String url) {
        Instant now = Instant.now();
        Fetch fetch;
        synchronized (fetches) {
            fetch = fetches.get(url);
            if (fetch == null || fetch.expired(now)) {
                fetch = new Fetch(now);
                fetch.result = fetch(url, fetch).memoize().indefinitely();
                fetches.put(url, fetch);
            }
        }
        return fetch.result;
    }

    private Uni<Optional<Avatar>> fetch(String url, Fetch fetch) {
        return client.fetch(url, config.maxBytes())
                .map(fetched -> fetched.successful()
                        ? ImageType.of(fetched.body()).map(type -> Avatar.of(type.mediaType, fetched.body()))
                        : Optional.<Avatar>empty())
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("avatar %s not fetched: %s", url, failure.getMessage());
                    return Optional.empty();
                })
                .invoke(found -> fetch.found = found.isPresent());
    }

    /** One fetch of a source; {@code found} is null until it ends. */
    private final class Fetch {

        final Instant started;
        volatile Uni<Optional<Avatar>> result;
        volatile Boolean found;

        Fetch(Instant started) {
            this.started = started;
        }

        boolean expired(Instant now) {
            Boolean ended = found;
            return ended != null && started.plus(ended ? config.keepFor() : config.retryAfter()).isBefore(now);
        }
    }
}
