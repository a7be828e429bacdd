package dev.herald.feed.feeds;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.herald.problem.Unavailable;
import io.smallrye.mutiny.Uni;

/**
 * The last rendering of each document, served while the database is away rather than an error (stale-if-error,
 * RFC 5861). "None" is remembered only for a document that existed (a page that fell past the end), so that
 * requests for made-up addresses cannot fill it.
 */
public final class LastRendered<K, V> {

    private final Map<K, Optional<V>> renderings = new ConcurrentHashMap<>();
    private final Function<K, Optional<Optional<V>>> neverRendered;

    /** Documents never rendered are not known while the database is away. */
    public LastRendered() {
        this(key -> Optional.empty());
    }

    /** @param neverRendered what a document never rendered is known to be from the others, if anything */
    public LastRendered(Function<K, Optional<Optional<V>>> neverRendered) {
        this.neverRendered = neverRendered;
    }

    /** The rendering, remembered when it arrives; when the database is away, the one remembered instead. */
    public Uni<Optional<V>> serve(K key, Uni<Optional<V>> rendering) {
        return rendering.invoke(rendered -> remember(key, rendered))
                .onFailure(Unavailable::is).recoverWithUni(failure -> last(key).or(() -> neverRendered.apply(key))
                        .map(known -> Uni.createFrom().item(known)).orElseGet(() -> Uni.createFrom().failure(failure)));
    }

    /** The document as last rendered, or none if it was gone then; empty if it was never rendered. */
    public Optional<Optional<V>> last(K key) {
        return Optional.ofNullable(renderings.get(key));
    }

    private void remember(K key, Optional<V> rendered) {
        if (rendered.isPresent()) {
            renderings.put(key, rendered);
        } else {
            renderings.computeIfPresent(key, (existed, before) -> rendered);
        }
    }
}
