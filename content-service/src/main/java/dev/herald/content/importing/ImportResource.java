package dev.herald.content.importing;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.smallrye.mutiny.Uni;

/** Brings reports in the corpus format into Herald: one Markdown document, or a zip of post folders. */
@Path("/api/reports/import")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"editor", "admin"})
public class ImportResource {

    private final ReportImporter importer;
    private final ZipPosts zipPosts;

    public ImportResource(ReportImporter importer, ZipPosts zipPosts) {
        this.importer = importer;
        this.zipPosts = zipPosts;
    }

    @POST
    @Consumes("text/markdown")
    @Operation(summary = "Import one report: YAML front matter and Markdown. Matched by legacyUrl, else slug; "
            + "unchanged content changes nothing. A document with published: true is published (or scheduled).")
    public Uni<ImportResult> importMarkdown(
            @Parameter(description = "the report's slug; default: front matter slug, legacyUrl file name or title")
            @QueryParam("slug") String slug,
            byte[] document) {
        return importer.importOne(new PostFolder(slug, new String(document, StandardCharsets.UTF_8), Map.of()));
    }

    @POST
    @Consumes("application/zip")
    @Operation(summary = "Import post folders (<slug>/index.md and the images beside it); answers a result per report")
    public Uni<ImportSummary> importZip(byte[] zip) {
        return importer.importAll(zipPosts.read(zip)).map(ImportSummary::of);
    }
}
