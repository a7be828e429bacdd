package dev.herald.content.report;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One saved state of a report's content; revision 1 is the first. */
@Entity
@Table(name = "report_revision")
@IdClass(ReportRevision.Key.class)
public class ReportRevision extends PanacheEntityBase {

    @Id
    public UUID reportId;
    @Id
    public int revision;
    public String title;
    public String body;
    public String html;
    public String contentHash;
    public Instant createdAt;

    /** The composite key: report and revision number. */
    public static class Key implements Serializable {
        public UUID reportId;
        public int revision;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.revision == revision && Objects.equals(key.reportId, reportId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(reportId, revision);
        }
    }

    static ReportRevision of(Report report, Instant now) {
        ReportRevision row = new ReportRevision();
        row.reportId = report.id;
        row.revision = report.revision;
        row.title = report.title;
        row.body = report.body;
        row.html = report.html;
        row.contentHash = report.contentHash;
        row.createdAt = now;
        return row;
    }
}
