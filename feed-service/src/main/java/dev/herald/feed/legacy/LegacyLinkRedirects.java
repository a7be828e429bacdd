package dev.herald.feed.legacy;

import java.net.URI;

import org.jboss.resteasy.reactive.RestPath;

import dev.herald.feed.feeds.FeedAssembler;
import dev.herald.feed.readmodel.ReportRepository;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** Old post addresses ({@code /yyyy/mm/name.html}, each report's legacyUrl) move permanently to the permalink. */
@Path("/")
public class LegacyLinkRedirects {

    private final ReportRepository reports;
    private final FeedAssembler assembler;

    LegacyLinkRedirects(ReportRepository reports, FeedAssembler assembler) {
        this.reports = reports;
        this.assembler = assembler;
    }

    // the query string (Blogger added ?m=1 for phones) is not part of the old address
    @GET
    @Path("{year: [0-9]{4}}/{month: [0-9]{2}}/{name: [^/]+\\.html}")
    public Uni<Response> post(@RestPath String year, @RestPath String month, @RestPath String name) {
        return reports.byLegacyUrl("/" + year + "/" + month + "/" + name)
                .map(report -> report.orElseThrow(NotFoundException::new))
                .map(report -> Response.status(Response.Status.MOVED_PERMANENTLY)
                        .location(URI.create(assembler.baseUrl() + report.permalinkPath()))
                        .build());
    }
}
