package dev.herald.attendees.event;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.herald.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<Event, UUID> {

    public Uni<Event> findBySlug(String slug) {
        return find("from Event e left join fetch e.hostOrganisation where e.slug = ?1", slug).firstResult();
    }

    /** The event with this slug, or 404: for the parts of an event. */
    public Uni<Event> require(String slug) {
        return findBySlug(slug).onItem().ifNull().failWith(() -> ProblemException.notFound("Event", slug));
    }

    /** The events a person took part in, without loading the participations themselves. */
    public Uni<List<Event>> withParticipant(UUID personId) {
        return list("from Event e where exists (from Participation p where p.event = e and p.person.id = ?1)"
                + " or exists (from Mentorship m where m.event = e and (m.mentor.id = ?1 or m.mentee.id = ?1))"
                + " or exists (from Talk t join t.speakers s where t.event = e and s.id = ?1)", personId);
    }

    /** Events (their host loaded eagerly) by name, kind and those overlapping a date range, newest first. */
    public PanacheQuery<Event> search(String q, EventKind kind, LocalDate from, LocalDate to) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (q != null && !q.isBlank()) {
            where.append(" and lower(e.name) like :q");
            params.put("q", "%" + q.toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (kind != null) {
            where.append(" and e.kind = :kind");
            params.put("kind", kind);
        }
        if (from != null) {
            where.append(" and e.endDate >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" and e.startDate <= :to");
            params.put("to", to);
        }
        return find("from Event e where " + where + " order by e.startDate desc, e.slug", params);
    }
}
