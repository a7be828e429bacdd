package dev.herald.feed.feeds;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.herald.feed.readmodel.ReadModelChanged;
import dev.herald.feed.readmodel.ReportRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Rendered feed documents kept in memory: a document is rendered once after each change of the read model and
 * then served as bytes, so a poll costs no query and no serialisation. While the database cannot be reached, a
 * document last rendered before a change is served rather than an error (stale-if-error, RFC 5861). A singleton: an
 * application-scoped bean's client proxy looked its instance up on every feed poll (5 % of a 304).
 */
@Singleton
public class FeedCache {

    private final FeedRenderer renderer;
    private final ReportRepository reports;
    private final Event<ReadModelChanged> changed;
    private final FeedMetrics metrics;
    private final Map<FeedKey, Rendering> documents = new ConcurrentHashMap<>();
    private final LastRendered<FeedKey, RenderedFeed> lastRendered = new LastRendered<>(this::pastTheLastPage);
    private volatile long version = -1;

    FeedCache(FeedRenderer renderer, ReportRepository reports, Event<ReadModelChanged> changed, FeedMetrics metrics) {
        this.renderer = renderer;
        this.reports = reports;
        this.changed = changed;
        this.metrics = metrics;
    }

    /** The document when it is rendered already (a hit), without a Uni: null when {@link #get} has to render it. */
    public RenderedFeed ready(FeedKey key) {
        Rendering cached = documents.get(key);
        RenderedFeed document = cached == null ? null : cached.document;
        if (document != null) {
            metrics.hit(key.format());
        }
        return document;
    }

    public Uni<Optional<RenderedFeed>> get(FeedKey key) {
        Rendering cached = documents.get(key);
        if (cached != null) {
            metrics.hit(key.format());
            return cached.result;
        }
        return documents.computeIfAbsent(key, Rendering::new).result;
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

    /** One document, rendered once for every request that asks while it renders, then kept until the next change. */
    private final class Rendering {

        final Uni<Optional<RenderedFeed>> result;
        volatile RenderedFeed document;

        Rendering(FeedKey key) {
            Uni<Optional<RenderedFeed>> once = metrics.rendering(key.format(), renderer.render(key)).memoize().indefinitely();
            // a failure (the database was away) or a missing page is not kept: the next request asks again
            result = lastRendered.serve(key, once
                    .onFailure().invoke(() -> documents.remove(key, this))
                    .invoke(rendered -> rendered.ifPresentOrElse(feed -> document = feed, () -> documents.remove(key, this))));
        }
    }

    /** For a page never rendered: none when the page before it was last rendered as the last one. */
    private Optional<Optional<RenderedFeed>> pastTheLastPage(FeedKey key) {
        if (key.isArchive() || key.page() < 2) {
            return Optional.empty();
        }
        return lastRendered.last(FeedKey.page(key.scope(), key.format(), key.page() - 1))
                .flatMap(before -> before.filter(RenderedFeed::lastPage))
                .map(lastPage -> Optional.empty());
    }

    /** Every document may list the changed report (all, its tags, author and event, old and new), so all go. */
    void onChange(@Observes ReadModelChanged change) {
        version = Math.max(version, change.version());
        documents.clear();
    }
}
