package dev.herald.content.importing;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.herald.content.asset.ImageTypes;
import dev.herald.problem.FieldError;
import dev.herald.problem.ProblemException;
import dev.herald.content.report.ReportContent;
import dev.herald.content.report.ReportService;
import dev.herald.content.report.SaveOutcome;
import dev.herald.content.report.StoredFile;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Imports corpus documents. Everything that can be checked without the database (YAML, types, sizes, image bytes)
 * is checked first; each report is then saved in a transaction of its own, so one bad report never blocks the others.
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
    public Uni<ImportResult> importOne(PostFolder post) {
        return Uni.createFrom().item(() -> prepare(post))
                .chain(prepared -> Panache.withTransaction(() -> service.importReport(prepared.content(), prepared.files())))
                .map(ReportImporter::result);
    }

    /** Many reports, in order; a report that fails is answered as failed with its reason. */
    public Uni<List<ImportResult>> importAll(List<PostFolder> posts) {
        return Multi.createFrom().iterable(posts)
                .onItem().transformToUniAndConcatenate(post -> importOne(post)
                        .onFailure(ProblemException.class).recoverWithItem(failure -> failed(post, (ProblemException) failure)))
                .collect().asList();
    }

    private record Prepared(ReportContent content, Map<String, StoredFile> files) {
    }

    private Prepared prepare(PostFolder post) {
        ReportDocument document = parser.parse(post.document());
        FrontMatter fm = document.frontMatter();
        String slug = slugOf(post.slug(), fm);
        Map<String, StoredFile> files = new LinkedHashMap<>();
        post.files().forEach((name, bytes) -> {
            String field = "files." + name;
            if (bytes.length > config.maxAssetBytes()) {
                throw ProblemException.tooLarge(field, "is larger than " + config.maxAssetBytes() + " bytes");
            }
            String mediaType = ImageTypes.sniff(bytes)
                    .orElseThrow(() -> ProblemException.unsupported(field, "is not a PNG, JPEG, GIF, WebP or AVIF image"));
            files.put(name, StoredFile.of(bytes, mediaType));
        });
        ReportContent content = new ReportContent(slug, fm.title().strip(), fm.description(),
                fm.author() == null ? "Unknown" : fm.author(), null, fm.tags(), fm.publishDate(), fm.updatedDate(),
                fm.legacyUrl(), fm.event(), document.body(), fm.published() == null || fm.published());
        return new Prepared(content, files);
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
                outcome.report().state, null, List.of(), outcome.warnings());
    }

    private static ImportResult failed(PostFolder post, ProblemException problem) {
        List<FieldError> errors = problem.errors();
        return new ImportResult(post.slug(), ImportResult.Status.FAILED, null, null, null, problem.getMessage(), errors,
                List.of());
    }
}
