package dev.herald.outbox;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    public PanacheQuery<OutboxEvent> parked() {
        return find("parkedAt is not null", Sort.ascending("position"));
    }

    public Uni<List<OutboxEvent>> parkedAbout(UUID aggregateId) {
        return list("parkedAt is not null and aggregateId = ?1", Sort.ascending("position"), aggregateId);
    }

    /** Puts a parked row back in line, where its position says; false when there is no such parked row. */
    public Uni<Boolean> unpark(UUID id) {
        return update("parkedAt = null, parkedReason = null where id = ?1 and parkedAt is not null", id)
                .map(updated -> updated > 0);
    }
}
