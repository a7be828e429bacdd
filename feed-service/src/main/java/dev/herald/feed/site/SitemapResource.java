package dev.herald.feed.site;

import java.util.Date;
import java.util.Optional;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import dev.herald.feed.feeds.Revalidation;
import dev.herald.feed.site.Sitemaps.Sitemap;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** {@code /sitemap.xml}, the index robots.txt names, and the sitemaps it lists, with validators and 304. */
@Path("/")
@Produces("application/xml; charset=utf-8")
public class SitemapResource {

    // rendered once per change of the read model; crawlers revalidate cheaply after five minutes, as feed readers do
    private static final String CACHE_CONTROL = "public, max-age=300";

    private final Sitemaps sitemaps;

    SitemapResource(Sitemaps sitemaps) {
        this.sitemaps = sitemaps;
    }

    @GET
    @Path("sitemap.xml")
    public Uni<Response> index(@RestHeader("If-None-Match") String ifNoneMatch,
            @RestHeader("If-Modified-Since") String ifModifiedSince) {
        return sitemaps.index().map(found -> answer(found, ifNoneMatch, ifModifiedSince));
    }

    @GET
    @Path("sitemaps/pages.xml")
    public Uni<Response> pages(@RestHeader("If-None-Match") String ifNoneMatch,
            @RestHeader("If-Modified-Since") String ifModifiedSince) {
        return sitemaps.pages().map(found -> answer(found, ifNoneMatch, ifModifiedSince));
    }

    @GET
    @Path("sitemaps/{year: [0-9]{4}}-{page: [1-9][0-9]{0,5}}.xml")
    public Uni<Response> year(@RestPath int year, @RestPath int page, @RestHeader("If-None-Match") String ifNoneMatch,
            @RestHeader("If-Modified-Since") String ifModifiedSince) {
        return sitemaps.year(year, page).map(found -> answer(found, ifNoneMatch, ifModifiedSince));
    }

    private static Response answer(Optional<Sitemap> found, String ifNoneMatch, String ifModifiedSince) {
        Sitemap sitemap = found.orElseThrow(NotFoundException::new);
        Response.ResponseBuilder response = Revalidation.notModified(ifNoneMatch, ifModifiedSince, sitemap.etag().substring(2),
                sitemap.lastModified()) ? Response.notModified()
                : Response.ok(sitemap.body());
        return response.header(HttpHeaders.ETAG, sitemap.etag())
                .lastModified(sitemap.lastModified() == null ? null : Date.from(sitemap.lastModified()))
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .build();
    }
}
