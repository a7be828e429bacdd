package dev.herald.content.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    public Uni<List<OutboxEvent>> pending(int limit) {
        return find("sentAt is null", Sort.ascending("position")).page(Page.ofSize(limit)).list();
    }

    public Uni<Integer> markSent(List<UUID> ids, Instant at) {
        return update("sentAt = ?1 where id in ?2", at, ids);
    }
}
