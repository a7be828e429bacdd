package dev.herald.feed.site;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.Optional;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

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
        Response.ResponseBuilder response = notModified(sitemap, ifNoneMatch, ifModifiedSince) ? Response.notModified()
                : Response.ok(sitemap.body());
        return response.header(HttpHeaders.ETAG, sitemap.etag())
                .lastModified(sitemap.lastModified() == null ? null : Date.from(sitemap.lastModified()))
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .build();
    }

    /** RFC 9110 section 13.2.2: If-None-Match decides alone, compared weakly; otherwise If-Modified-Since. */
    static boolean notModified(Sitemap sitemap, String ifNoneMatch, String ifModifiedSince) {
        String opaque = sitemap.etag().substring(2);
        if (ifNoneMatch != null) {
            return Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
                    .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                    .anyMatch(tag -> tag.equals("*") || tag.equals(opaque));
        }
        if (ifModifiedSince != null && sitemap.lastModified() != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !sitemap.lastModified().isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }
}
