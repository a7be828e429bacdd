package dev.herald.content.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import dev.herald.content.document.FileNames;
import dev.herald.content.report.ReportFormat;
import dev.herald.problem.ProblemException;
import io.smallrye.common.annotation.Blocking;

/**
 * Brings reports in the corpus format into Herald: one document, a form with its images, or a zip of post folders.
 * Bodies are read as streams on a worker thread, within the bounds of {@link ImportConfig}, so a large import never
 * holds the event loop.
 */
@Path("/api/reports/import")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"editor", "admin"})
@Blocking
public class ImportResource {

    private static final String SLUG_DESCRIPTION = "the report's slug; default: front matter slug, legacyUrl file name or title";

    private final ReportImporter importer;
    private final ZipPosts zipPosts;
    private final ImportConfig config;

    public ImportResource(ReportImporter importer, ZipPosts zipPosts, ImportConfig config) {
        this.importer = importer;
        this.zipPosts = zipPosts;
        this.config = config;
    }

    @POST
    @Consumes("text/markdown")
    @Operation(summary = "Import one report: YAML front matter and Markdown. Matched by legacyUrl, else slug; "
            + "unchanged content changes nothing. A document with published: true is published (or scheduled), "
            + "one without stays a draft.")
    public ImportResult importMarkdown(@Parameter(description = SLUG_DESCRIPTION) @QueryParam("slug") String slug,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
            InputStream document) {
        return importer.importOne(new PostFolder(slug, ReportFormat.MARKDOWN, readDocument(length, type, document), Map.of()));
    }

    @POST
    @Consumes("text/mdx")
    @Operation(summary = "Import one MDX report: front matter, Markdown, import/export lines and JSX components; "
            + "the source is kept as sent, the HTML leaves out what only JavaScript could show")
    public ImportResult importMdx(@Parameter(description = SLUG_DESCRIPTION) @QueryParam("slug") String slug,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
            InputStream document) {
        return importer.importOne(new PostFolder(slug, ReportFormat.MDX, readDocument(length, type, document), Map.of()));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import one report from a form: an index.md (or index.mdx) part and image parts named by "
            + "their file names")
    public ImportResult importForm(@Parameter(description = SLUG_DESCRIPTION) @QueryParam("slug") String slug,
            @RestForm(FileUpload.ALL) List<FileUpload> parts) {
        if (parts.size() > config.maxEntries()) {
            throw ProblemException.tooLarge("body", "the form has more than " + config.maxEntries()
                    + " parts (herald.import.max-entries)");
        }
        FileUpload index = parts.stream().filter(part -> isDocument(part.name())).findFirst()
                .orElseThrow(() -> ProblemException.invalid("index.md", "the form has no index.md or index.mdx part"));
        Map<String, byte[]> images = new LinkedHashMap<>();
        for (FileUpload part : parts) {
            if (part == index) {
                continue;
            }
            String name = part.fileName() != null ? part.fileName() : part.name();
            if (isDocument(part.name()) || images.containsKey(name)) {
                throw ProblemException.invalid("files." + FileNames.printable(name), "the form holds this file more than once");
            }
            images.put(name, read(part));
        }
        ReportFormat format = index.name().endsWith(".mdx") ? ReportFormat.MDX : ReportFormat.MARKDOWN;
        return importer.importOne(new PostFolder(slug, format, read(index), images));
    }

    @POST
    @Consumes("application/zip")
    @Operation(summary = "Import post folders (<slug>/index.md or <slug>/index.mdx and the images beside it); answers "
            + "a result per report and lists every entry that was not imported, with the reason")
    public ImportSummary importZip(@HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, InputStream zip) {
        checkLength(length, config.maxRequestBytes(), "herald.import.max-request-bytes");
        try (ZipPosts.Archive archive = zipPosts.read(zip)) {
            return importer.importAll(archive);
        }
    }

    private static boolean isDocument(String name) {
        return ReportFormat.MARKDOWN.fileName().equals(name) || ReportFormat.MDX.fileName().equals(name);
    }

    /** The document as UTF-8 bytes: a charset named in the Content-Type is honoured, UTF-8 is the default. */
    private byte[] readDocument(Long length, MediaType type, InputStream document) {
        checkLength(length, config.maxEntryBytes(), "herald.import.max-entry-bytes");
        byte[] bytes;
        try (InputStream in = new LimitedInputStream(document, config.maxEntryBytes(), "the document",
                "herald.import.max-entry-bytes")) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset == null || charset.equalsIgnoreCase("UTF-8")) {
            return bytes;
        }
        try {
            return Charset.forName(charset).newDecoder().decode(ByteBuffer.wrap(bytes)).toString()
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unsupported("body", "names the unknown charset '" + FileNames.printable(charset) + "'");
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("body", "is not valid " + charset);
        }
    }

    private byte[] read(FileUpload part) {
        String field = isDocument(part.name()) ? part.name() : "files." + FileNames.printable(String.valueOf(part.fileName()));
        try {
            if (Files.size(part.uploadedFile()) > config.maxEntryBytes()) {
                throw ProblemException.tooLarge(field, "is larger than " + config.maxEntryBytes()
                        + " bytes (herald.import.max-entry-bytes)");
            }
            return Files.readAllBytes(part.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // a body announced as too large is refused before a byte of it is read
    private static void checkLength(Long length, long limit, String setting) {
        if (length != null && length > limit) {
            throw ProblemException.tooLarge("body", "the request body is larger than " + limit + " bytes (" + setting + ")");
        }
    }
}
