package dev.herald.feed.legacy;

import java.net.URI;

import org.jboss.resteasy.reactive.RestQuery;

import dev.herald.feed.feeds.FeedAssembler;
import dev.herald.feed.feeds.FeedFormat;
import dev.herald.feed.readmodel.FeedScope;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * The feed addresses of the blog Herald replaces: a permanent HTTP redirect that feed readers follow and
 * update their subscription from (never a meta refresh, which they cannot follow).
 */
@Path("/")
public class OldFeedRedirects {

    private final FeedAssembler assembler;

    OldFeedRedirects(FeedAssembler assembler) {
        this.assembler = assembler;
    }

    @GET
    @Path("{file: rss\\.xml/?}")
    public Response rss() {
        return moved(FeedFormat.RSS);
    }

    /** Blogger's feed: Atom by default, RSS with {@code alt=rss}. */
    @GET
    @Path("{blogger: feeds/posts/default/?}")
    public Response blogger(@RestQuery String alt) {
        return moved("rss".equals(alt) ? FeedFormat.RSS : FeedFormat.ATOM);
    }

    private Response moved(FeedFormat format) {
        return Response.status(Response.Status.MOVED_PERMANENTLY)
                .location(URI.create(assembler.feedUrl(FeedScope.ALL, format, 1)))
                .build();
    }
}
