package dev.herald.content.report;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.herald.content.asset.Asset;
import dev.herald.content.asset.AssetRepository;
import dev.herald.content.asset.AssetUrls;
import dev.herald.events.ReportsEvent;
import dev.herald.events.ReportsEvent.ReportPublished;
import dev.herald.events.ReportsEvent.ReportUnpublished;
import dev.herald.events.ReportsEvent.ReportUpdated;
import dev.herald.outbox.EventTooLargeException;
import dev.herald.outbox.Outbox;
import io.smallrye.mutiny.Uni;

/**
 * State changes that the outside world hears of. Every method runs in the caller's transaction and records the event
 * there, so the state and its event commit together or not at all.
 */
@ApplicationScoped
public class ReportPublisher {

    private final Outbox outbox;
    private final AssetRepository assets;
    private final AssetUrls assetUrls;

    public ReportPublisher(Outbox outbox, AssetRepository assets, AssetUrls assetUrls) {
        this.outbox = outbox;
        this.assets = assets;
        this.assetUrls = assetUrls;
    }

    /**
     * Publishes now, or schedules when the publish date is still ahead; a published report stays as it is. {@code
     * images} are the report's assets as this transaction leaves them, which a save has in hand.
     */
    public Uni<Void> publishOrSchedule(Report report, List<Asset> images, Instant now) {
        if (report.publishDate != null && report.publishDate.isAfter(now)) {
            report.state = ReportState.SCHEDULED;
            return ensureAnnounceable(report, images);
        }
        return publish(report, images, now);
    }

    public Uni<Void> publish(Report report, Instant now) {
        return report.state == ReportState.PUBLISHED ? Uni.createFrom().voidItem()
                : assets.ofReport(report.id).chain(stored -> publish(report, stored, now));
    }

    private Uni<Void> publish(Report report, List<Asset> images, Instant now) {
        if (report.state == ReportState.PUBLISHED) {
            return Uni.createFrom().voidItem();
        }
        if (report.publishDate == null) {
            report.publishDate = now;
        }
        report.state = ReportState.PUBLISHED;
        report.modifiedAt = now;
        return announce(report, images, ReportPublished::new);
    }

    public Uni<Void> schedule(Report report, Instant at, Instant now) {
        report.publishDate = at;
        report.modifiedAt = now;
        if (report.state == ReportState.PUBLISHED) {
            report.state = ReportState.SCHEDULED;
            return outbox.record(unpublished(report, now));
        }
        report.state = ReportState.SCHEDULED;
        return assets.ofReport(report.id).chain(stored -> ensureAnnounceable(report, stored));
    }

    /** A published report whose content changed: readers get the new revision; a scheduled one must still fit. */
    public Uni<Void> changed(Report report) {
        return report.state == ReportState.PUBLISHED || report.state == ReportState.SCHEDULED
                ? assets.ofReport(report.id).chain(stored -> changed(report, stored)) : Uni.createFrom().voidItem();
    }

    /** {@link #changed(Report)} with the report's assets as this transaction leaves them. */
    public Uni<Void> changed(Report report, List<Asset> images) {
        return switch (report.state) {
            case PUBLISHED -> announce(report, images, ReportUpdated::new);
            case SCHEDULED -> ensureAnnounceable(report, images);
            default -> Uni.createFrom().voidItem();
        };
    }

    public Uni<Void> unpublish(Report report, Instant now) {
        ReportState before = report.state;
        report.modifiedAt = now;
        if (before == ReportState.PUBLISHED) {
            report.state = ReportState.UNPUBLISHED;
            return outbox.record(unpublished(report, now));
        }
        report.state = before == ReportState.SCHEDULED ? ReportState.DRAFT : before;
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> announce(Report report, List<Asset> images, Function<ReportsEvent.Report, ReportsEvent> change) {
        return Uni.createFrom().deferred(() -> outbox.record(change.apply(data(report, images))))
                .onFailure(EventTooLargeException.class).transform(tooLarge -> ((EventTooLargeException) tooLarge).naming("body"));
    }

    /** A report scheduled for later is refused now if its publication could never be announced. */
    private Uni<Void> ensureAnnounceable(Report report, List<Asset> images) {
        return Uni.createFrom().item(() -> new ReportPublished(data(report, images))).invoke(outbox::ensureFits)
                .onFailure(EventTooLargeException.class).transform(tooLarge -> ((EventTooLargeException) tooLarge).naming("body"))
                .replaceWithVoid();
    }

    /** The report as readers see it, URLs absolute. */
    private ReportsEvent.Report data(Report report, List<Asset> stored) {
        List<ReportsEvent.Image> images = stored.stream()
                .map(asset -> new ReportsEvent.Image(assetUrls.of(asset), asset.mediaType, asset.size))
                .filter(image -> report.html.contains(image.url()))
                .toList();
        return new ReportsEvent.Report(report.id, report.revision, report.slug, report.title, report.summary, report.html,
                new ReportsEvent.Author(report.authorName, report.authorSlug),
                report.eventSlug == null ? null : new ReportsEvent.EventRef(report.eventSlug),
                report.tags, report.publishDate, latest(report), report.legacyUrl, images);
    }

    private static Instant latest(Report report) {
        Instant updated = report.updatedDate == null ? report.publishDate : report.updatedDate;
        return updated.isBefore(report.publishDate) ? report.publishDate : updated;
    }

    private static ReportUnpublished unpublished(Report report, Instant now) {
        return new ReportUnpublished(report.id, report.revision, report.slug, report.legacyUrl, now);
    }
}
