package dev.herald.content.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.herald.content.asset.ImageTypes;
import dev.herald.content.asset.SvgSanitizer;
import dev.herald.content.document.FileNames;
import dev.herald.content.document.FrontMatter;
import dev.herald.content.document.ReportDocument;
import dev.herald.content.report.ReportContent;
import dev.herald.content.report.ReportFormat;
import dev.herald.content.report.ReportLimits;
import dev.herald.content.report.ReportService;
import dev.herald.content.report.SaveOutcome;
import dev.herald.content.report.StoredFile;
import dev.herald.problem.FieldError;
import dev.herald.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Imports corpus documents, called on a worker thread: decoding, parsing, field limits, image sniffing and SVG
 * sanitising run there, before the database sees anything; each report is then saved in a transaction of its own
 * on the event loop, so one bad report never blocks the others.
 */
@ApplicationScoped
public class ReportImporter {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,199}");

    private final ReportDocumentParser parser;
    private final ReportService service;
    private final ImportConfig config;

    public ReportImporter(ReportDocumentParser parser, ReportService service, ImportConfig config) {
        this.parser = parser;
        this.service = service;
        this.config = config;
    }

    /** One report; bad input fails the whole call as a problem. */
    public ImportResult importOne(PostFolder post) {
        Prepared prepared = prepare(post);
        return result(save(prepared));
    }

    /** The posts of a zip, one after the other, each loaded from disk only when its turn comes. */
    public ImportSummary importAll(ZipPosts.Archive archive) {
        List<ImportResult> results = archive.posts().stream().map(this::importArchived).toList();
        return ImportSummary.of(results, archive.skipped());
    }

    private ImportResult importArchived(ArchivedPost post) {
        try {
            if (post.problem() != null) {
                throw post.problem();
            }
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (Map.Entry<String, Path> file : post.files().entrySet()) {
                files.put(file.getKey(), Files.readAllBytes(file.getValue()));
            }
            ReportFormat format = post.documentName().endsWith(".mdx") ? ReportFormat.MDX : ReportFormat.MARKDOWN;
            return importOne(new PostFolder(post.slug(), format, Files.readAllBytes(post.document()), files));
        } catch (ProblemException problem) {
            return new ImportResult(FileNames.printable(post.slug()), ImportResult.Status.FAILED, null, null, null,
                    problem.getMessage(), problem.errors(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Prepared(ReportContent content, Map<String, StoredFile> files) {
    }

    private Prepared prepare(PostFolder post) {
        String source = decode(post.document());
        ReportDocument document = parser.parse(source);
        FrontMatter fm = document.frontMatter();
        String slug = slugOf(post.slug(), fm);
        Map<String, StoredFile> files = new LinkedHashMap<>();
        post.files().forEach((name, bytes) -> files.put(name, image(name, bytes)));
        // a document without published: true stays a draft (or keeps the state of the report it updates)
        ReportContent content = new ReportContent(slug, fm.title().strip(), fm.description(),
                fm.author() == null ? "Unknown" : fm.author(), null, fm.tags(), fm.publishDate(), fm.updatedDate(),
                fm.legacyUrl(), fm.event(), document.body(), fm.published(), post.format(), source);
        ReportLimits.check(content);
        return new Prepared(content, files);
    }

    private SaveOutcome save(Prepared prepared) {
        try {
            return VertxContextSupport.subscribeAndAwait(
                    () -> Panache.withTransaction(() -> service.importReport(prepared.content(), prepared.files())));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decode(byte[] document) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(document)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.invalid("body", "is not valid UTF-8");
        }
    }

    private StoredFile image(String name, byte[] bytes) {
        String field = "files." + FileNames.printable(name);
        FileNames.problem(name, config.maxFileNameChars()).ifPresent(problem -> {
            throw ProblemException.invalid(field, problem);
        });
        if (bytes.length > config.maxEntryBytes()) {
            throw ProblemException.tooLarge(field, "is larger than " + config.maxEntryBytes() + " bytes");
        }
        String mediaType = ImageTypes.sniff(bytes)
                .orElseThrow(() -> ProblemException.unsupported(field, "is not a PNG, JPEG, GIF, WebP, AVIF or SVG image"));
        if (!SvgSanitizer.MEDIA_TYPE.equals(mediaType)) {
            return StoredFile.of(bytes, mediaType);
        }
        try {
            return StoredFile.of(SvgSanitizer.sanitize(bytes), mediaType);
        } catch (SvgSanitizer.InvalidSvgException e) {
            throw ProblemException.unsupported(field, "is not a usable SVG image: " + e.getMessage());
        }
    }

    /** The folder name, the front matter's slug, the legacy URL's file name or the title, in that order. */
    private static String slugOf(String given, FrontMatter fm) {
        String slug = given != null ? given : fm.slug();
        if (slug == null && fm.legacyUrl() != null) {
            String name = fm.legacyUrl().substring(fm.legacyUrl().lastIndexOf('/') + 1).replaceFirst("\\.html?$", "");
            slug = slugify(name);
        }
        if (slug == null || slug.isEmpty()) {
            slug = slugify(fm.title());
        }
        if (!SLUG.matcher(slug).matches()) {
            throw ProblemException.invalid("slug", "must be lower-case letters, digits and hyphens, at most 200");
        }
        return slug;
    }

    private static String slugify(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.length() > 200 ? slug.substring(0, 200) : slug;
    }

    private static ImportResult result(SaveOutcome outcome) {
        ImportResult.Status status = ImportResult.Status.valueOf(outcome.change().name());
        return new ImportResult(outcome.report().slug, status, outcome.report().id, outcome.report().revision,
                outcome.report().state, null, List.<FieldError>of(), outcome.warnings());
    }
}
