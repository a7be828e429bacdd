package dev.herald.attendees.organisation;

import java.time.Instant;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.herald.attendees.api.Slugs;
import dev.herald.events.AttendeesEvent;
import dev.herald.outbox.Outbox;
import dev.herald.paging.Page;
import dev.herald.paging.PageRequest;
import dev.herald.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OrganisationService {

    private final OrganisationRepository organisations;
    private final Outbox outbox;

    public OrganisationService(OrganisationRepository organisations, Outbox outbox) {
        this.organisations = organisations;
        this.outbox = outbox;
    }

    @WithSession
    public Uni<Page<OrganisationView>> page(String q, OrganisationKind kind, PageRequest paging) {
        return paging.read(organisations.search(q, kind), OrganisationView::of);
    }

    @WithSession
    public Uni<OrganisationView> get(String slug) {
        return require(slug).map(OrganisationView::of);
    }

    /** The organisation with this slug, or a 400 naming {@code field} when a request refers to an unknown one. */
    public Uni<Organisation> requireReference(String slug, String field) {
        return organisations.findBySlug(slug).onItem().ifNull()
                .failWith(() -> ProblemException.invalid(field, "no organisation has the slug '" + slug + "'"));
    }

    @WithTransaction
    public Uni<OrganisationView> create(OrganisationInput input) {
        String slug = input.slug() != null ? input.slug() : Slugs.of(input.name());
        return organisations.findBySlug(slug).flatMap(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("slug", "an organisation with the slug '" + slug + "' exists");
            }
            Organisation organisation = new Organisation();
            organisation.createdAt = Instant.now();
            apply(input, slug, organisation);
            return organisations.persist(organisation).flatMap(saved -> publish(AttendeesEvent.OrganisationCreated::new, saved));
        });
    }

    @WithTransaction
    public Uni<OrganisationView> update(String slug, OrganisationInput input) {
        String newSlug = input.slug() != null ? input.slug() : slug;
        return require(slug).flatMap(organisation -> checkSlugFree(organisation, newSlug).flatMap(free -> {
            apply(input, newSlug, organisation);
            return publish(AttendeesEvent.OrganisationUpdated::new, organisation);
        }));
    }

    @WithTransaction
    public Uni<Void> delete(String slug) {
        return require(slug).flatMap(organisation -> organisations.delete(organisation)
                .flatMap(deleted -> organisations.flush())
                .flatMap(flushed -> outbox.record(new AttendeesEvent.OrganisationDeleted(
                        OrganisationView.of(organisation).asEvent()))));
    }

    private Uni<Organisation> require(String slug) {
        return organisations.findBySlug(slug).onItem().ifNull().failWith(() -> ProblemException.notFound("Organisation", slug));
    }

    private Uni<Boolean> checkSlugFree(Organisation organisation, String slug) {
        if (slug.equals(organisation.slug)) {
            return Uni.createFrom().item(true);
        }
        return organisations.findBySlug(slug).map(other -> {
            if (other != null) {
                throw ProblemException.conflict("slug", "an organisation with the slug '" + slug + "' exists");
            }
            return true;
        });
    }

    private static void apply(OrganisationInput input, String slug, Organisation organisation) {
        organisation.slug = slug;
        organisation.name = input.name().strip();
        organisation.url = input.url() == null || input.url().isBlank() ? null : input.url().strip();
        organisation.kind = input.kind();
        organisation.updatedAt = Instant.now();
    }

    private Uni<OrganisationView> publish(Function<AttendeesEvent.Organisation, AttendeesEvent> change,
            Organisation organisation) {
        OrganisationView view = OrganisationView.of(organisation);
        return outbox.record(change.apply(view.asEvent())).replaceWith(view);
    }
}
