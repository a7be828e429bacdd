package dev.herald.feed.readmodel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** SQL over the read model; writes take the caller's transaction, reads use the pool. */
@ApplicationScoped
public class ReportRepository {

    private static final String COLUMNS = "id, revision, slug, title, summary, content_html, author_name, author_slug,"
            + " event_slug, tags, published_at, updated_at, legacy_url, images";

    private final Pool pool;

    ReportRepository(Pool pool) {
        this.pool = pool;
    }

    /** Claims a revision for a report; false when a newer revision was applied already. */
    public Uni<Boolean> claimRevision(SqlClient tx, UUID reportId, long revision) {
        return tx.preparedQuery("insert into report_revision (report_id, revision) values ($1, $2)"
                        + " on conflict (report_id) do update set revision = excluded.revision"
                        + " where report_revision.revision <= excluded.revision")
                .execute(Tuple.of(reportId, revision))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> upsert(SqlClient tx, PublishedReport report) {
        JsonArray images = new JsonArray();
        report.images().forEach(image -> images.add(new JsonObject()
                .put("url", image.url()).put("mediaType", image.mediaType())
                .put("length", image.length())));
        return tx.preparedQuery("insert into report (" + COLUMNS + ")"
                        // an event about an erased author (sent before the erasure, or replayed) links nobody
                        + " values ($1, $2, $3, $4, $5, $6, $7, (select $8::text where not exists (select 1 from erased_author"
                        + " where slug_sha256 = sha256(convert_to($8::text, 'UTF8')))), $9, $10, $11, $12, $13, $14)"
                        + " on conflict (id) do update set revision = excluded.revision, slug = excluded.slug,"
                        + " title = excluded.title, summary = excluded.summary, content_html = excluded.content_html,"
                        + " author_name = excluded.author_name, author_slug = excluded.author_slug,"
                        + " event_slug = excluded.event_slug, tags = excluded.tags, published_at = excluded.published_at,"
                        + " updated_at = excluded.updated_at, legacy_url = excluded.legacy_url, images = excluded.images")
                .execute(Tuple.from(Arrays.asList(report.id(), report.revision(), report.slug(), report.title(),
                        report.summary(), report.contentHtml(), report.authorName(), report.authorSlug(),
                        report.eventSlug(), report.tags().toArray(String[]::new), utc(report.publishedAt()),
                        utc(report.updatedAt()), report.legacyUrl(), images)))
                .replaceWithVoid();
    }

    /** The report as listed now, read in the caller's transaction before it changes. */
    public Uni<Optional<PublishedReport>> byId(SqlClient tx, UUID reportId) {
        return tx.preparedQuery("select " + COLUMNS + " from report where id = $1").execute(Tuple.of(reportId))
                .map(rows -> reports(rows).stream().findFirst());
    }

    public Uni<Void> delete(SqlClient tx, UUID reportId) {
        return tx.preparedQuery("delete from report where id = $1").execute(Tuple.of(reportId)).replaceWithVoid();
    }

    /** Counts a change in the caller's transaction; every instance compares this number with what it has rendered. */
    public Uni<Long> bumpVersion(SqlClient tx) {
        return tx.preparedQuery("update read_model_version set version = version + 1 where id = 1 returning version")
                .execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<Long> version() {
        return pool.preparedQuery("select version from read_model_version where id = 1").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** One page of a scope's reports, newest first; ties broken by id so that the order never varies. */
    public Uni<List<PublishedReport>> newest(FeedScope scope, int offset, int limit) {
        return pool.preparedQuery("select " + COLUMNS + " from report where " + scope.predicate()
                        + " order by published_at desc, id desc offset " + offset + " limit " + limit)
                .execute(arguments(scope))
                .map(ReportRepository::reports);
    }

    /** A scope's reports published in one month (UTC), newest first: that month's archive document. */
    public Uni<List<PublishedReport>> ofMonth(FeedScope scope, YearMonth month) {
        int from = scope.kind() == FeedScope.Kind.ALL ? 1 : 2;
        return pool.preparedQuery("select " + COLUMNS + " from report where " + scope.predicate()
                        + " and published_at >= $" + from + " and published_at < $" + (from + 1)
                        + " order by published_at desc, id desc")
                .execute(monthArguments(scope, month))
                .map(ReportRepository::reports);
    }

    /** The months of a scope's nearest reports before and after one month, for its archive's links. */
    public Uni<ArchiveMonths> monthsAround(FeedScope scope, YearMonth month) {
        int from = scope.kind() == FeedScope.Kind.ALL ? 1 : 2;
        return pool.preparedQuery("select (select max(published_at) from report where " + scope.predicate()
                        + " and published_at < $" + from + "), (select min(published_at) from report where "
                        + scope.predicate() + " and published_at >= $" + (from + 1) + ")")
                .execute(monthArguments(scope, month))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    OffsetDateTime previous = row.getOffsetDateTime(0);
                    OffsetDateTime next = row.getOffsetDateTime(1);
                    return new ArchiveMonths(previous == null ? null : ArchiveMonths.of(previous.toInstant()),
                            next == null ? null : ArchiveMonths.of(next.toInstant()));
                });
    }

    private static Tuple monthArguments(FeedScope scope, YearMonth month) {
        OffsetDateTime start = OffsetDateTime.of(month.getYear(), month.getMonthValue(), 1, 0, 0, 0, 0, ZoneOffset.UTC);
        return arguments(scope).addValue(start).addValue(start.plusMonths(1));
    }

    public Uni<Long> count(FeedScope scope) {
        return pool.preparedQuery("select count(*) from report where " + scope.predicate())
                .execute(arguments(scope))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<Optional<PublishedReport>> byLegacyUrl(String legacyUrl) {
        return pool.preparedQuery("select " + COLUMNS + " from report where legacy_url = $1 order by published_at desc limit 1")
                .execute(Tuple.of(legacyUrl))
                .map(rows -> reports(rows).stream().findFirst());
    }

    /** The report at {@code /{year}/{month}/{slug}}: its slug, published in that month (UTC). */
    public Uni<Optional<PublishedReport>> byPermalink(int year, int month, String slug) {
        OffsetDateTime start = OffsetDateTime.of(year, month, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        return pool.preparedQuery("select " + COLUMNS + " from report where slug = $1 and published_at >= $2"
                        + " and published_at < $3 order by published_at desc limit 1")
                .execute(Tuple.of(slug, start, start.plusMonths(1)))
                .map(rows -> reports(rows).stream().findFirst());
    }

    /** One page of the reports published in a year (UTC), newest first. */
    public Uni<List<PublishedReport>> newestOfYear(int year, int offset, int limit) {
        OffsetDateTime start = OffsetDateTime.of(year, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        return pool.preparedQuery("select " + COLUMNS + " from report where published_at >= $1 and published_at < $2"
                        + " order by published_at desc, id desc offset " + offset + " limit " + limit)
                .execute(Tuple.of(start, start.plusYears(1)))
                .map(ReportRepository::reports);
    }

    /** Every year with reports, oldest first: the sitemap index and the archive's year filter. */
    public Uni<List<ReportYear>> years() {
        return pool.preparedQuery("select extract(year from published_at at time zone 'UTC')::int, count(*),"
                        + " max(greatest(published_at, updated_at)) from report group by 1 order by 1")
                .execute()
                .map(rows -> {
                    List<ReportYear> years = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        years.add(new ReportYear(row.getInteger(0), row.getLong(1), row.getOffsetDateTime(2).toInstant()));
                    }
                    return years;
                });
    }

    /** A page of one year's reports (UTC), oldest first, as addresses only: one sitemap. */
    public Uni<List<ReportLink>> linksOfYear(int year, int offset, int limit) {
        OffsetDateTime start = OffsetDateTime.of(year, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        return pool.preparedQuery("select slug, published_at, updated_at from report where published_at >= $1"
                        + " and published_at < $2 order by published_at, id offset " + offset + " limit " + limit)
                .execute(Tuple.of(start, start.plusYears(1)))
                .map(rows -> {
                    List<ReportLink> links = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        links.add(new ReportLink(row.getString(0), row.getOffsetDateTime(1).toInstant(),
                                row.getOffsetDateTime(2).toInstant()));
                    }
                    return links;
                });
    }

    public Uni<Long> countOfYear(int year) {
        OffsetDateTime start = OffsetDateTime.of(year, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        return pool.preparedQuery("select count(*) from report where published_at >= $1 and published_at < $2")
                .execute(Tuple.of(start, start.plusYears(1)))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** How many reports carry each tag, the most used first. */
    public Uni<List<Tally>> tags() {
        return pool.preparedQuery("select tag, count(*) from report, unnest(tags) as tag group by tag order by 2 desc, tag")
                .execute()
                .map(rows -> {
                    List<Tally> tallies = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        tallies.add(new Tally(row.getString(0), row.getLong(1)));
                    }
                    return tallies;
                });
    }

    private static Tuple arguments(FeedScope scope) {
        return scope.kind() == FeedScope.Kind.ALL ? Tuple.tuple() : Tuple.of(scope.value());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static List<PublishedReport> reports(RowSet<Row> rows) {
        List<PublishedReport> reports = new ArrayList<>(rows.size());
        for (Row row : rows) {
            reports.add(report(row));
        }
        return reports;
    }

    private static PublishedReport report(Row row) {
        List<Image> images = new ArrayList<>();
        JsonArray json = (JsonArray) row.getValue("images");
        for (int i = 0; i < json.size(); i++) {
            JsonObject image = json.getJsonObject(i);
            images.add(new Image(image.getString("url"), image.getString("mediaType"), image.getLong("length", 0L)));
        }
        return new PublishedReport(row.getUUID("id"), row.getLong("revision"), row.getString("slug"),
                row.getString("title"), row.getString("summary"), row.getString("content_html"),
                row.getString("author_name"), row.getString("author_slug"), row.getString("event_slug"),
                List.of(row.getArrayOfStrings("tags")), row.getOffsetDateTime("published_at").toInstant(),
                row.getOffsetDateTime("updated_at").toInstant(), row.getString("legacy_url"), List.copyOf(images));
    }
}
