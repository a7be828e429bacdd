package dev.herald.content.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A report of a gathering. Its id never changes; its slug, title and body may, each change making a revision. */
@Entity
@Table(name = "report")
public class Report extends PanacheEntityBase {

    @Id
    public UUID id;
    public String slug;
    public String title;
    /** The front matter description as written; null when the document had none. */
    public String description;
    /** The description, or a summary derived from the text when there is none. */
    public String summary;
    public String authorName;
    public String authorSlug;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> tags;
    public Instant publishDate;
    public Instant updatedDate;
    @Enumerated(EnumType.STRING)
    public ReportState state;
    public String legacyUrl;
    public String eventSlug;
    /** The Markdown body exactly as imported or written. */
    public String body;
    @Enumerated(EnumType.STRING)
    public ReportFormat format;
    /** The whole document (front matter and body) exactly as imported; null once the JSON API wrote the report. */
    public String source;
    /** The rendered and sanitised body, asset URLs absolute. */
    public String html;
    /** SHA-256 of everything an import can change: an equal hash means an unchanged re-import. */
    public String contentHash;
    public int revision;
    public Instant createdAt;
    public Instant modifiedAt;
    /** Bumped by every write of the row; a write carrying an older version fails instead of overwriting. */
    @Version
    public long version;

    public boolean isPublic() {
        return state == ReportState.PUBLISHED;
    }

    /** The strong entity tag of the report resource, without quotes. */
    public String etag() {
        return Long.toString(version);
    }
}
