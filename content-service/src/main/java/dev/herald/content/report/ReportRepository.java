package dev.herald.content.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<Report, UUID> {

    public Uni<Report> findBySlug(String slug) {
        return find("slug", slug).firstResult();
    }

    public Uni<Report> findByLegacyUrl(String legacyUrl) {
        return find("legacyUrl", legacyUrl).firstResult();
    }

    public Uni<List<Report>> dueForPublication(Instant now) {
        return list("state = ?1 and publishDate <= ?2", Sort.ascending("publishDate"), ReportState.SCHEDULED, now);
    }

    /** Newest first; every filter is optional; {@code author} matches the author's slug or name. */
    public PanacheQuery<Report> search(ReportFilter filter) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.state() != null) {
            where.add("state = :state");
            parameters.and("state", filter.state());
        }
        if (filter.tag() != null) {
            where.add("array_contains(tags, :tag)");
            parameters.and("tag", filter.tag());
        }
        if (filter.author() != null) {
            where.add("(authorSlug = :author or lower(authorName) = lower(:author))");
            parameters.and("author", filter.author());
        }
        if (filter.event() != null) {
            where.add("eventSlug = :event");
            parameters.and("event", filter.event());
        }
        Sort sort = Sort.descending("publishDate").and("id");
        return where.isEmpty() ? findAll(sort) : find(String.join(" and ", where), sort, parameters);
    }
}
