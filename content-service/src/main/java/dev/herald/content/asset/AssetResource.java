package dev.herald.content.asset;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.herald.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Report images at a stable public URL; the bytes under an id never change, so caches may keep them for a year. */
@Path("/assets")
public class AssetResource {

    private static final String CACHE_FOREVER = "public, max-age=31536000, immutable";
    // an SVG opened on its own runs nothing and loads nothing; harmless for raster images
    private static final String SANDBOX = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    private final AssetRepository assets;

    public AssetResource(AssetRepository assets) {
        this.assets = assets;
    }

    @GET
    @Path("{id}/{name}")
    @WithSession
    @Operation(summary = "An image of a report, with its sniffed content type, an ETag and a long cache lifetime")
    public Uni<Response> get(@PathParam("id") UUID id, @PathParam("name") String name, Request request) {
        return assets.findById(id).map(asset -> {
            if (asset == null || !asset.name.equals(name)) {
                throw ProblemException.notFound("Asset", id + "/" + name);
            }
            EntityTag etag = new EntityTag(asset.sha256);
            Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
            Response.ResponseBuilder response = notModified != null ? notModified
                    : Response.ok(asset.bytes, asset.mediaType).header(HttpHeaders.CONTENT_LENGTH, asset.size);
            return response.tag(etag).header(HttpHeaders.CACHE_CONTROL, CACHE_FOREVER)
                    .header("X-Content-Type-Options", "nosniff").header("Content-Security-Policy", SANDBOX).build();
        });
    }
}
