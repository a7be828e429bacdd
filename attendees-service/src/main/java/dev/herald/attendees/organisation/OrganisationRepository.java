package dev.herald.attendees.organisation;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OrganisationRepository implements PanacheRepositoryBase<Organisation, UUID> {

    public Uni<Organisation> findBySlug(String slug) {
        return find("slug", slug).firstResult();
    }

    public PanacheQuery<Organisation> search(String q, OrganisationKind kind) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (q != null && !q.isBlank()) {
            where.append(" and lower(name) like :q");
            params.put("q", "%" + q.toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (kind != null) {
            where.append(" and kind = :kind");
            params.put("kind", kind);
        }
        return find(where + " order by lower(name), slug", params);
    }
}
