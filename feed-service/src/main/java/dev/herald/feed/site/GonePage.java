package dev.herald.feed.site;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.herald.feed.readmodel.FeedScope;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The page of an erased author answers 410 Gone, so that search engines and readers drop it. */
public class GonePage {

    private final SiteViews views;

    GonePage(SiteViews views) {
        this.views = views;
    }

    @ServerExceptionMapper
    public Response gone(AuthorGoneException e) {
        String html = SiteResource.Templates.gone(views.meta("Page gone", "/", FeedScope.ALL)).render();
        return Response.status(Response.Status.GONE).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).entity(html).build();
    }
}
