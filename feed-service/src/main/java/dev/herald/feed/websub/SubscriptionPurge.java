package dev.herald.feed.websub;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Deletes expired subscriptions now and then; every replica may, as the delete is the same whoever runs it. */
@ApplicationScoped
class SubscriptionPurge {

    private static final Logger LOG = Logger.getLogger(SubscriptionPurge.class);

    void start(@Observes StartupEvent startup, Vertx vertx, Subscriptions subscriptions, WebSubConfig config) {
        vertx.setPeriodic(config.purgeInterval().toMillis(), timer -> subscriptions.purgeExpired().subscribe().with(
                purged -> {
                    if (purged > 0) {
                        LOG.infof("Purged %d expired WebSub subscriptions", purged);
                    }
                },
                failure -> LOG.debugf("Could not purge expired WebSub subscriptions: %s", failure.getMessage())));
    }
}
