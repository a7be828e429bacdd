package dev.herald.feed.websub;

import dev.herald.feed.readmodel.FeedScope;
import dev.herald.feed.readmodel.ReportChange;
import dev.herald.feed.readmodel.ReportChangeListener;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Queues a distribution (WebSub 7) for every subscriber of a topic the change altered: each representation of each
 * scope listing the report before or after. The document itself is rendered when it is sent, so a subscriber whose
 * earlier distribution has not gone yet gets one, with the latest content.
 */
@ApplicationScoped
class WebSubDistributions implements ReportChangeListener {

    private final Subscriptions subscriptions;

    WebSubDistributions(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public Uni<Void> onChange(SqlClient tx, ReportChange change) {
        if (change.subject() == null) {
            return Uni.createFrom().voidItem();
        }
        String[] kinds = change.scopes().stream().map(Topic::scopeKind).toArray(String[]::new);
        String[] values = change.scopes().stream().map(Topic::scopeValue).toArray(String[]::new);
        return subscriptions.enqueue(tx, kinds, values);
    }
}
