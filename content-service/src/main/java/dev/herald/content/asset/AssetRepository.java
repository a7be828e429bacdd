package dev.herald.content.asset;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AssetRepository implements PanacheRepositoryBase<Asset, UUID> {

    public Uni<List<Asset>> ofReport(UUID reportId) {
        return list("reportId = ?1 order by name", reportId);
    }
}
