package dev.herald.feed.site;

import dev.herald.feed.readmodel.FeedScope;
import dev.herald.problem.ProblemClients;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Addresses that no resource, static file or endpoint answers get the same 404 page as a missing report; API calls
 * and clients asking for JSON go on to the problem document of libs/problem, which is last.
 */
@ApplicationScoped
class NotFoundRoute {

    void install(@Observes Router router, SiteViews views) {
        router.route().order(Integer.MAX_VALUE - 2).handler(context -> {
            if (ProblemClients.wantProblem(context.normalizedPath(), context.request().getHeader(HttpHeaders.ACCEPT))) {
                context.next();
                return;
            }
            context.response()
                    .setStatusCode(404)
                    .putHeader("Content-Type", "text/html; charset=utf-8")
                    .end(SiteResource.Templates.notFound(views.meta("Page not found", "/", FeedScope.ALL)).render());
        });
    }
}
