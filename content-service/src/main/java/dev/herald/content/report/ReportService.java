package dev.herald.content.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.herald.content.asset.Asset;
import dev.herald.content.asset.AssetRepository;
import dev.herald.content.asset.AssetUrls;
import dev.herald.content.directory.Directory;
import dev.herald.content.rendering.MarkdownRenderer;
import dev.herald.content.rendering.Rendering;
import dev.herald.content.report.ReportPublisher;
import dev.herald.problem.FieldError;
import dev.herald.problem.IfMatch;
import dev.herald.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Use cases on reports. Each public method runs inside the caller's transaction (the resource opens it), so a
 * report, its assets, its revision and its outbox event are stored together or not at all.
 */
@ApplicationScoped
public class ReportService {

    private final ReportRepository reports;
    private final AssetRepository assets;
    private final AssetUrls assetUrls;
    private final MarkdownRenderer renderer;
    private final ReportPublisher publisher;
    private final Directory directory;
    private final Vertx vertx;

    public ReportService(ReportRepository reports, AssetRepository assets, AssetUrls assetUrls, MarkdownRenderer renderer,
            ReportPublisher publisher, Directory directory, Vertx vertx) {
        this.reports = reports;
        this.assets = assets;
        this.assetUrls = assetUrls;
        this.renderer = renderer;
        this.publisher = publisher;
        this.directory = directory;
        this.vertx = vertx;
    }

    public Uni<Report> get(UUID id) {
        return reports.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Report", id));
    }

    /**
     * Imports a report: matched by legacyUrl, else by slug; equal content (front matter, body, images) changes nothing,
     * other content makes a new revision. {@code content} comes checked against {@link ReportLimits} and {@code files}
     * (images by file name) against the import's limits, both by ReportImporter as it prepared them. A match never lets
     * one post replace another: a legacyUrl of a report with another slug is a conflict, and so are a slug and a
     * legacyUrl that belong to two different reports.
     */
    public Uni<SaveOutcome> importReport(ReportContent content, Map<String, StoredFile> files) {
        Uni<Report> byLegacyUrl = content.legacyUrl() == null ? Uni.createFrom().nullItem()
                : reports.findByLegacyUrl(content.legacyUrl());
        // match() has seen the reports holding this slug and this legacyUrl: no uniqueness check reads them again
        return byLegacyUrl.chain(byUrl -> reports.findBySlug(content.slug()).map(bySlug -> match(content, byUrl, bySlug)))
                .chain(match -> store(match, content, files));
    }

    private static Report match(ReportContent content, Report byLegacyUrl, Report bySlug) {
        if (byLegacyUrl == null) {
            return bySlug;
        }
        if (bySlug != null && !bySlug.id.equals(byLegacyUrl.id)) {
            String message = "legacyUrl '" + content.legacyUrl() + "' belongs to report '" + byLegacyUrl.slug
                    + "' and slug '" + content.slug() + "' to another report";
            throw new ProblemException(409, "Conflict", message,
                    List.of(new FieldError("legacyUrl", message), new FieldError("slug", message)));
        }
        if (!byLegacyUrl.slug.equals(content.slug())) {
            throw ProblemException.conflict("legacyUrl", "legacyUrl '" + content.legacyUrl() + "' belongs to report '"
                    + byLegacyUrl.slug + "', not to '" + content.slug()
                    + "'; a report changes its slug through PUT /api/reports/{id}");
        }
        return byLegacyUrl;
    }

    public Uni<SaveOutcome> create(ReportContent content) {
        return save(null, content, Map.of());
    }

    public Uni<SaveOutcome> update(UUID id, IfMatch condition, ReportContent content) {
        return current(id, condition).chain(report -> save(report, keepPublishDate(report, content), Map.of()));
    }

    public Uni<Void> delete(UUID id, IfMatch condition) {
        Instant now = Instant.now();
        return current(id, condition).call(report -> publisher.unpublish(report, now)).chain(reports::delete);
    }

    public Uni<Report> publish(UUID id, IfMatch condition) {
        return current(id, condition).call(report -> publisher.publish(report, Instant.now()));
    }

    public Uni<Report> schedule(UUID id, IfMatch condition, Instant at) {
        Instant now = Instant.now();
        if (!at.isAfter(now)) {
            return Uni.createFrom().failure(ProblemException.invalid("publishAt", "must be in the future"));
        }
        return current(id, condition).call(report -> publisher.schedule(report, at, now));
    }

    public Uni<Report> unpublish(UUID id, IfMatch condition) {
        return current(id, condition).call(report -> publisher.unpublish(report, Instant.now()));
    }

    /** The report, if it is still the one the caller read (If-Match); a race after this check fails on its version. */
    private Uni<Report> current(UUID id, IfMatch condition) {
        return get(id).invoke(report -> condition.check("Report " + id, report.etag()));
    }

    /**
     * A report that is or was public (or is scheduled) keeps its publish date when a change leaves it out: readers
     * and feeds know it by that date, and a scheduled report by its time. A draft may drop it.
     */
    private static ReportContent keepPublishDate(Report report, ReportContent content) {
        return content.publishDate() == null && report.state != ReportState.DRAFT
                ? content.withPublishDate(report.publishDate) : content;
    }

    /** Publishes every scheduled report whose time has come. */
    public Uni<Integer> publishDue(Instant now) {
        return reports.dueForPublication(now).call(due -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Report report : due) {
                chain = chain.call(() -> publisher.publish(report, now));
            }
            return chain;
        }).map(List::size);
    }

    private Uni<SaveOutcome> save(Report existing, ReportContent given, Map<String, StoredFile> files) {
        return Uni.createFrom().item(given).invoke(ReportLimits::check)
                .call(content -> checkUnique(existing, content))
                .chain(content -> store(existing, content, files));
    }

    /** An author named without a slug gets the slug the directory knows for that name, if any. */
    private Uni<ReportContent> withAuthorSlug(ReportContent content) {
        if (content.authorSlug() != null) {
            return Uni.createFrom().item(content);
        }
        return directory.personSlugByName(content.authorName()).map(content::withAuthorSlug);
    }

    // the hash is of what the editor gave, not of the slug the directory resolves, which can link later on its own
    private Uni<SaveOutcome> store(Report existing, ReportContent given, Map<String, StoredFile> files) {
        return (existing == null ? Uni.createFrom().item(List.<Asset>of()) : assets.ofReport(existing.id))
                .chain(stored -> {
                    Map<String, String> merged = new TreeMap<>();
                    stored.forEach(asset -> merged.put(asset.name, asset.sha256));
                    files.forEach((name, file) -> merged.put(name, file.sha256()));
                    String hash = hash(given, merged);
                    if (existing != null && existing.contentHash.equals(hash)) {
                        return Uni.createFrom().item(new SaveOutcome(existing, SaveOutcome.Change.UNCHANGED, List.of()));
                    }
                    Instant now = Instant.now();
                    Report report = existing != null ? existing : newReport(now);
                    return withAuthorSlug(given).chain(content ->
                            apply(report, existing == null, content, planAssets(report, stored, files, now), hash, now));
                });
    }

    private Uni<Void> checkUnique(Report existing, ReportContent content) {
        UUID self = existing == null ? null : existing.id;
        Uni<Void> slug = reports.findBySlug(content.slug()).invoke(other -> {
            if (other != null && !other.id.equals(self)) {
                throw ProblemException.conflict("slug", "slug '" + content.slug() + "' is used by another report");
            }
        }).replaceWithVoid();
        if (content.legacyUrl() == null) {
            return slug;
        }
        return slug.chain(() -> reports.findByLegacyUrl(content.legacyUrl())).invoke(other -> {
            if (other != null && !other.id.equals(self)) {
                throw ProblemException.conflict("legacyUrl", "legacyUrl '" + content.legacyUrl() + "' is used by another report");
            }
        }).replaceWithVoid();
    }

    private static Report newReport(Instant now) {
        Report report = new Report();
        report.id = UUID.randomUUID();
        report.state = ReportState.DRAFT;
        report.revision = 0;
        report.createdAt = now;
        return report;
    }

    /** The report's images after this save: stored ones whose bytes did not change, and new ones for new bytes. */
    private record AssetPlan(List<Asset> current, List<Asset> replaced, List<Asset> added) {
    }

    private static AssetPlan planAssets(Report report, List<Asset> stored, Map<String, StoredFile> files, Instant now) {
        Map<String, Asset> current = new TreeMap<>();
        stored.forEach(asset -> current.put(asset.name, asset));
        List<Asset> replaced = new ArrayList<>();
        List<Asset> added = new ArrayList<>();
        files.forEach((name, file) -> {
            Asset old = current.get(name);
            if (old != null && old.sha256.equals(file.sha256())) {
                return;
            }
            if (old != null) {
                replaced.add(old);
            }
            Asset asset = new Asset();
            asset.id = UUID.randomUUID();
            asset.reportId = report.id;
            asset.name = name;
            asset.mediaType = file.mediaType();
            asset.bytes = file.bytes();
            asset.size = asset.bytes.length;
            asset.sha256 = file.sha256();
            asset.createdAt = now;
            current.put(name, asset);
            added.add(asset);
        });
        return new AssetPlan(List.copyOf(current.values()), replaced, added);
    }

    // the report row first (assets refer to it), replaced assets before their successors ((report, name) is unique)
    private Uni<Void> storeAssets(AssetPlan plan) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Asset old : plan.replaced()) {
            chain = chain.call(() -> assets.delete(old));
        }
        if (!plan.replaced().isEmpty()) {
            chain = chain.call(assets::flush);
        }
        for (Asset asset : plan.added()) {
            chain = chain.call(() -> assets.persist(asset));
        }
        return chain;
    }

    private Uni<SaveOutcome> apply(Report report, boolean created, ReportContent content, AssetPlan plan, String hash,
            Instant now) {
        Map<String, String> urls = new TreeMap<>();
        plan.current().forEach(asset -> urls.put(asset.name, assetUrls.of(asset)));
        ReportFormat format = content.format() != null ? content.format()
                : report.format != null ? report.format : ReportFormat.MARKDOWN;
        // rendering and sanitising a long body takes CPU time: a worker thread does it, the event loop stays free
        return vertx.executeBlocking(() -> format == ReportFormat.MDX
                        ? renderer.renderMdx(content.body(), content.description(), urls)
                        : renderer.render(content.body(), content.description(), urls), false)
                .chain(rendering -> write(report, created, content, format, rendering, plan, hash, now));
    }

    private Uni<SaveOutcome> write(Report report, boolean created, ReportContent content, ReportFormat format,
            Rendering rendering, AssetPlan plan, String hash, Instant now) {
        report.slug = content.slug();
        report.title = content.title();
        report.description = content.description();
        report.summary = rendering.summary();
        report.authorName = content.authorName();
        report.authorSlug = content.authorSlug();
        report.tags = List.copyOf(content.tags());
        // a published report keeps the date it went public on when the new content names none
        report.publishDate = content.publishDate() != null || report.state != ReportState.PUBLISHED ? content.publishDate()
                : report.publishDate;
        report.updatedDate = content.updatedDate();
        report.legacyUrl = content.legacyUrl();
        report.eventSlug = content.eventSlug();
        report.body = content.body();
        report.format = format;
        report.source = content.source();
        report.html = rendering.html();
        report.contentHash = hash;
        report.revision++;
        report.modifiedAt = now;
        List<String> warnings = new ArrayList<>(rendering.warnings());
        rendering.missingImages().forEach(name -> warnings.add("image '" + name + "' is referenced but was not provided"));
        // the state is settled before the row is written (one INSERT or UPDATE, not a second UPDATE for the state);
        // flushing an update first checks its version: a concurrent write fails as such, not on a revision number
        return publication(report, created, content.published(), plan.current(), now)
                .call(() -> created ? reports.persist(report) : reports.flush())
                .call(() -> storeAssets(plan))
                .call(() -> ReportRevision.of(report, now).persist())
                .replaceWith(() -> new SaveOutcome(report, created ? SaveOutcome.Change.CREATED : SaveOutcome.Change.UPDATED,
                        warnings));
    }

    private Uni<Void> publication(Report report, boolean created, Boolean published, List<Asset> images, Instant now) {
        if (Boolean.TRUE.equals(published)) {
            return report.state == ReportState.PUBLISHED ? publisher.changed(report, images)
                    : publisher.publishOrSchedule(report, images, now);
        }
        if (Boolean.FALSE.equals(published) && !created) {
            return publisher.unpublish(report, now);
        }
        return publisher.changed(report, images);
    }

    private static String hash(ReportContent content, Map<String, String> assetHashes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            List<Object> parts = List.of(Objects.toString(content.slug()), Objects.toString(content.title()),
                    Objects.toString(content.description()), Objects.toString(content.authorName()),
                    Objects.toString(content.authorSlug()), content.tags(), Objects.toString(content.publishDate()),
                    Objects.toString(content.updatedDate()), Objects.toString(content.legacyUrl()),
                    Objects.toString(content.eventSlug()), Objects.toString(content.published()), assetHashes,
                    Objects.toString(content.format()), Objects.toString(content.source()), content.body());
            for (Object part : parts) {
                digest.update(part.toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
