package dev.herald.content.report;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.herald.content.asset.Asset;
import dev.herald.content.asset.AssetUrls;
import dev.herald.content.document.FrontMatter;
import dev.herald.content.document.ReportDocument;
import dev.herald.outbox.OutboxEvent;

/** Report entity to API views and back to the corpus document format. */
@ApplicationScoped
public class ReportMapper {

    private final AssetUrls assetUrls;

    public ReportMapper(AssetUrls assetUrls) {
        this.assetUrls = assetUrls;
    }

    /** {@code parked}: the outbox rows about the report that Kafka refused for good, oldest first. */
    public ReportView view(Report report, List<Asset> assets, List<OutboxEvent> parked) {
        return new ReportView(report.id, report.slug, report.title, report.description, report.summary,
                new ReportView.Author(report.authorName, report.authorSlug), report.tags, report.publishDate,
                report.updatedDate, report.state, report.legacyUrl, report.eventSlug, report.revision, report.body,
                report.html, assets.stream()
                        .map(asset -> new ReportView.AssetView(asset.name, assetUrls.of(asset), asset.mediaType, asset.size))
                        .toList(),
                report.createdAt, report.modifiedAt, parked.isEmpty() ? null : stuck(parked.get(0)));
    }

    private static ReportView.StuckPublication stuck(OutboxEvent parked) {
        return new ReportView.StuckPublication(parked.id, parked.type, parked.parkedAt, parked.parkedReason);
    }

    public ReportSummaryView summary(Report report) {
        return new ReportSummaryView(report.id, report.slug, report.title, report.summary,
                new ReportView.Author(report.authorName, report.authorSlug), report.tags, report.publishDate, report.state,
                report.legacyUrl, report.eventSlug, report.revision);
    }

    public RevisionView revision(ReportRevision revision) {
        return new RevisionView(revision.revision, revision.title, revision.contentHash, revision.createdAt);
    }

    /** The report as a corpus document: {@code published} says whether it is (or is scheduled to be) public. */
    public ReportDocument document(Report report) {
        boolean published = report.state == ReportState.PUBLISHED || report.state == ReportState.SCHEDULED;
        return new ReportDocument(new FrontMatter(report.title, report.publishDate, report.updatedDate, report.authorName,
                report.description, report.tags, published, report.legacyUrl, report.slug, report.eventSlug), report.body);
    }
}
