package dev.herald.content.report;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.herald.content.asset.Asset;
import dev.herald.content.asset.AssetConfig;
import dev.herald.content.asset.AssetRepository;
import dev.herald.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Report images at a stable URL. Images of a published report are public and cached briefly, so that unpublishing
 * takes effect; images of any other report are served to editors only, never stored by a cache.
 */
@Path("/assets")
public class AssetResource {

    private static final String EDITORS_ONLY = "private, no-store";
    // an SVG opened on its own runs nothing and loads nothing; harmless for raster images
    private static final String SANDBOX = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    private final AssetRepository assets;
    private final ReportRepository reports;
    private final SecurityIdentity identity;
    private final String publicCache;

    public AssetResource(AssetRepository assets, ReportRepository reports, SecurityIdentity identity, AssetConfig config) {
        this.assets = assets;
        this.reports = reports;
        this.identity = identity;
        this.publicCache = "public, max-age=" + config.assets().maxAge().toSeconds() + ", must-revalidate";
    }

    @GET
    @Path("{id}/{name}")
    @WithSession
    @Operation(summary = "An image of a report, with its sniffed content type and an ETag; public once the report is")
    public Uni<Response> get(@PathParam("id") UUID id, @PathParam("name") String name, Request request) {
        return assets.findById(id).chain(asset -> {
            if (asset == null || !asset.name.equals(name)) {
                throw ProblemException.notFound("Asset", id + "/" + name);
            }
            return reports.findById(asset.reportId).map(report -> answer(asset, report, request));
        });
    }

    private Response answer(Asset asset, Report report, Request request) {
        boolean published = report != null && report.isPublic();
        if (!published && !isEditor()) {
            throw ProblemException.notFound("Asset", asset.id + "/" + asset.name);
        }
        EntityTag etag = new EntityTag(asset.sha256);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        Response.ResponseBuilder response = notModified != null ? notModified
                : Response.ok(asset.bytes, asset.mediaType).header(HttpHeaders.CONTENT_LENGTH, asset.size);
        return response.tag(etag).header(HttpHeaders.CACHE_CONTROL, published ? publicCache : EDITORS_ONLY)
                .header("X-Content-Type-Options", "nosniff").header("Content-Security-Policy", SANDBOX).build();
    }

    private boolean isEditor() {
        return identity.hasRole("editor") || identity.hasRole("admin");
    }
}
