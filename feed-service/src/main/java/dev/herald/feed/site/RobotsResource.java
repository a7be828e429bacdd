package dev.herald.feed.site;

import dev.herald.feed.feeds.FeedAssembler;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Crawlers may read every public page but search results (endless, thin pages any query makes); the API is for
 * clients. The sitemap is named at the public address.
 */
@Path("/robots.txt")
public class RobotsResource {

    private final String robots;

    RobotsResource(FeedAssembler assembler) {
        this.robots = """
                User-agent: *
                Disallow: /api/
                Disallow: /search

                Sitemap: %s/sitemap.xml
                """.formatted(assembler.baseUrl());
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String robots() {
        return robots;
    }
}
