package dev.herald.attendees.person;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PersonRepository implements PanacheRepositoryBase<Person, UUID> {

    public Uni<Person> findBySlug(String slug) {
        return find("slug", slug).firstResult();
    }

    /** People whose name is exactly this one, ignoring case, as an attendee list names them. */
    public Uni<List<Person>> findByName(String name) {
        return list("lower(name) = lower(?1)", name);
    }

    /** Name search ({@code q} anywhere in the name, ignoring case) and the featured filter, ordered by name. */
    public PanacheQuery<Person> search(String q, Boolean featured) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (q != null && !q.isBlank()) {
            where.append(" and lower(name) like :q");
            params.put("q", "%" + q.toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (featured != null) {
            where.append(" and featured = :featured");
            params.put("featured", featured);
        }
        return find(where + " order by lower(name), slug", params);
    }
}
