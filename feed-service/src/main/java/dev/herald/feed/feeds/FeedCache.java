package dev.herald.feed.feeds;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.herald.feed.readmodel.ReadModelChanged;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Rendered feed documents kept in memory: a document is rendered once after each change of the read model and
 * then served as bytes, so a poll costs no query and no serialisation.
 */
@ApplicationScoped
public class FeedCache {

    private final FeedRenderer renderer;
    private final Map<FeedKey, Uni<Optional<RenderedFeed>>> documents = new ConcurrentHashMap<>();

    FeedCache(FeedRenderer renderer) {
        this.renderer = renderer;
    }

    public Uni<Optional<RenderedFeed>> get(FeedKey key) {
        return documents.computeIfAbsent(key, this::render);
    }

    private Uni<Optional<RenderedFeed>> render(FeedKey key) {
        Uni<Optional<RenderedFeed>> rendering = renderer.render(key).memoize().indefinitely();
        // a failure (the database was away) or a missing page is not kept: the next request asks again
        return rendering
                .onFailure().invoke(() -> documents.remove(key))
                .invoke(document -> {
                    if (document.isEmpty()) {
                        documents.remove(key);
                    }
                });
    }

    /** Every document may list the changed report (all, its tags, author and event, old and new), so all go. */
    void onChange(@Observes ReadModelChanged change) {
        documents.clear();
    }
}
