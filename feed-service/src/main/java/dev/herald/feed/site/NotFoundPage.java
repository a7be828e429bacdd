package dev.herald.feed.site;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.herald.feed.readmodel.FeedScope;
import dev.herald.problem.Problem;
import dev.herald.problem.ProblemClients;
import dev.herald.problem.ProblemMappers;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Every "not found" answers a real 404: for browsers a page that leads back to the reports and their feeds, for
 * clients asking for JSON a problem document.
 */
public class NotFoundPage {

    private final SiteViews views;

    NotFoundPage(SiteViews views) {
        this.views = views;
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, HttpHeaders headers) {
        if (ProblemClients.wantProblem(uri.getPath(), headers.getHeaderString(HttpHeaders.ACCEPT))) {
            return ProblemMappers.respond(Problem.notFound(uri.getPath()));
        }
        String html = SiteResource.Templates.notFound(views.meta("Page not found", "/", FeedScope.ALL)).render();
        return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .entity(html).build();
    }
}
