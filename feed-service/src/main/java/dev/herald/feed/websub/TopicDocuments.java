package dev.herald.feed.websub;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import dev.herald.feed.feeds.FeedCache;
import dev.herald.feed.feeds.FeedKey;
import dev.herald.feed.readmodel.ErasedAuthors;
import dev.herald.feed.readmodel.FeedScope;
import dev.herald.feed.site.TopicPages;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The current document of a topic, byte for byte what a reader fetching the topic URL gets (without compression). */
@ApplicationScoped
class TopicDocuments {

    private final FeedCache feeds;
    private final TopicPages pages;
    private final ErasedAuthors erasedAuthors;

    TopicDocuments(FeedCache feeds, TopicPages pages, ErasedAuthors erasedAuthors) {
        this.feeds = feeds;
        this.pages = pages;
        this.erasedAuthors = erasedAuthors;
    }

    /** Empty when Herald does not serve the topic now: an unknown tag, author or event, or an erased author. */
    Uni<Optional<TopicDocument>> current(Topic topic) {
        FeedScope scope = topic.scope();
        if (topic.representation() == Representation.PAGE) {
            return pages.firstPage(scope).map(html -> html.map(
                    page -> new TopicDocument(TopicPages.MEDIA_TYPE, page.getBytes(StandardCharsets.UTF_8))));
        }
        // as FeedRoutes answers: an erased author's feeds are gone (410), whatever the cache holds
        Uni<Boolean> erased = scope.kind() == FeedScope.Kind.AUTHOR ? erasedAuthors.isErased(scope.value())
                : Uni.createFrom().item(false);
        return erased.flatMap(gone -> gone ? Uni.createFrom().item(Optional.<TopicDocument>empty())
                : feeds.current(FeedKey.page(scope, topic.representation().format, 1)).map(rendered -> rendered.map(
                        feed -> new TopicDocument(feed.mediaType(), feed.identity().bytes()))));
    }
}
