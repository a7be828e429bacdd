package dev.herald.content.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import dev.herald.problem.ProblemException;

import io.smallrye.mutiny.Uni;

/** Brings reports in the corpus format into Herald: one Markdown document, a form with its images, or a zip of post folders. */
@Path("/api/reports/import")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"editor", "admin"})
public class ImportResource {

    private static final String INDEX = "index.md";

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
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import one report from a form: an index.md part and image parts named by their file names")
    public Uni<ImportResult> importForm(
            @Parameter(description = "the report's slug; default: front matter slug, legacyUrl file name or title")
            @QueryParam("slug") String slug,
            @RestForm(FileUpload.ALL) List<FileUpload> parts) {
        FileUpload index = parts.stream().filter(part -> INDEX.equals(part.name())).findFirst()
                .orElseThrow(() -> ProblemException.invalid(INDEX, "the form has no index.md part"));
        Map<String, byte[]> images = new LinkedHashMap<>();
        for (FileUpload part : parts) {
            if (part != index) {
                images.put(part.fileName() != null ? part.fileName() : part.name(), read(part));
            }
        }
        return importer.importOne(new PostFolder(slug, new String(read(index), StandardCharsets.UTF_8), images));
    }

    @POST
    @Consumes("application/zip")
    @Operation(summary = "Import post folders (<slug>/index.md and the images beside it); answers a result per report")
    public Uni<ImportSummary> importZip(byte[] zip) {
        return importer.importAll(zipPosts.read(zip)).map(ImportSummary::of);
    }

    private static byte[] read(FileUpload part) {
        try {
            return Files.readAllBytes(part.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
