package dev.herald.feed.site;

import dev.herald.feed.readmodel.FeedScope;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Addresses that no resource, static file or endpoint answers get the same 404 page as a missing report. */
@ApplicationScoped
class NotFoundRoute {

    void install(@Observes Router router, SiteViews views) {
        router.route().last().handler(context -> context.response()
                .setStatusCode(404)
                .putHeader("Content-Type", "text/html; charset=utf-8")
                .end(SiteResource.Templates.notFound(views.meta("Page not found", "/", FeedScope.ALL)).render()));
    }
}
