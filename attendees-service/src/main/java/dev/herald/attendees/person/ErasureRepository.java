package dev.herald.attendees.person;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ErasureRepository implements PanacheRepositoryBase<Erasure, String> {

    public Uni<Boolean> matches(String slugHash, String nameHash) {
        return count("slugHash = ?1 or nameHash = ?2", slugHash, nameHash).map(found -> found > 0);
    }

    /** The installation's HMAC key, written once by the migration and never mapped as an entity. */
    public Uni<String> key() {
        return getSession().flatMap(session -> session
                .createNativeQuery("select secret from erasure_key", String.class).getSingleResult());
    }
}
