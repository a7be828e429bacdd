package dev.herald.feed.site;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.herald.feed.readmodel.FeedScope;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Every "not found" answers a real 404 with a page that leads back to the reports and their feeds. */
public class NotFoundPage {

    private final SiteViews views;

    NotFoundPage(SiteViews views) {
        this.views = views;
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        String html = SiteResource.Templates.notFound(views.meta("Page not found", "/", FeedScope.ALL)).render();
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .entity(html).build();
    }
}
