package dev.herald.feed.feeds;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.herald.feed.readmodel.ReadModelChanged;
import dev.herald.feed.readmodel.ReportRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

/**
 * Rendered feed documents kept in memory: a document is rendered once after each change of the read model and
 * then served as bytes, so a poll costs no query and no serialisation.
 */
@ApplicationScoped
public class FeedCache {

    private final FeedRenderer renderer;
    private final ReportRepository reports;
    private final Event<ReadModelChanged> changed;
    private final FeedMetrics metrics;
    private final Map<FeedKey, Uni<Optional<RenderedFeed>>> documents = new ConcurrentHashMap<>();
    private volatile long version = -1;

    FeedCache(FeedRenderer renderer, ReportRepository reports, Event<ReadModelChanged> changed, FeedMetrics metrics) {
        this.renderer = renderer;
        this.reports = reports;
        this.changed = changed;
        this.metrics = metrics;
    }

    public Uni<Optional<RenderedFeed>> get(FeedKey key) {
        Uni<Optional<RenderedFeed>> cached = documents.get(key);
        if (cached != null) {
            metrics.hit(key.format());
            return cached;
        }
        return documents.computeIfAbsent(key, this::render);
    }

    /**
     * The document as of the latest committed change, even one this instance has not been told of yet (a WebSub
     * distribution may start the moment the change commits, on any instance): a newer version drops the documents.
     */
    public Uni<Optional<RenderedFeed>> current(FeedKey key) {
        return reports.version().flatMap(latest -> {
            if (latest > version) {
                changed.fire(new ReadModelChanged(latest));
            }
            return get(key);
        });
    }

    private Uni<Optional<RenderedFeed>> render(FeedKey key) {
        Uni<Optional<RenderedFeed>> rendering = metrics.rendering(key.format(), renderer.render(key)).memoize().indefinitely();
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
        version = Math.max(version, change.version());
        documents.clear();
    }
}
