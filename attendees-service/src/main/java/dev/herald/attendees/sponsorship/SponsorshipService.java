package dev.herald.attendees.sponsorship;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.herald.attendees.event.EventChanges;
import dev.herald.attendees.event.EventParts;
import dev.herald.attendees.event.EventRepository;
import dev.herald.attendees.organisation.OrganisationService;
import dev.herald.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SponsorshipService implements EventParts<SponsorshipInput, SponsorshipView> {

    private final SponsorshipRepository sponsorships;
    private final EventRepository events;
    private final EventChanges changes;
    private final OrganisationService organisations;

    public SponsorshipService(SponsorshipRepository sponsorships, EventRepository events, EventChanges changes,
            OrganisationService organisations) {
        this.sponsorships = sponsorships;
        this.events = events;
        this.changes = changes;
        this.organisations = organisations;
    }

    @WithSession
    public Uni<List<SponsorshipView>> list(String eventSlug, SponsorshipKind kind) {
        return events.require(eventSlug).flatMap(sponsorships::ofEvent)
                .map(all -> all.stream().filter(s -> kind == null || s.kind == kind).map(SponsorshipView::of).toList());
    }

    @WithTransaction
    @Override
    public Uni<SponsorshipView> add(String eventSlug, SponsorshipInput input) {
        return events.require(eventSlug).flatMap(event -> organisations.requireReference(input.organisation(), "organisation")
                .flatMap(organisation -> sponsorships
                        .count("event = ?1 and organisation = ?2 and kind = ?3", event, organisation, input.kind())
                        .flatMap(existing -> {
                            if (existing > 0) {
                                throw ProblemException.conflict("kind", input.organisation() + " already gives "
                                        + input.kind() + " to this event");
                            }
                            Sponsorship sponsorship = new Sponsorship();
                            sponsorship.event = event;
                            sponsorship.organisation = organisation;
                            sponsorship.kind = input.kind();
                            sponsorship.note = input.note();
                            return sponsorships.persist(sponsorship)
                                    .call(saved -> changes.updated(event))
                                    .map(SponsorshipView::of);
                        })));
    }

    /** Changes the note; organisation and kind identify the sponsorship and stay. */
    @WithTransaction
    @Override
    public Uni<SponsorshipView> update(String eventSlug, UUID id, SponsorshipInput input) {
        return events.require(eventSlug).flatMap(event -> sponsorships
                .find("from Sponsorship s join fetch s.organisation where s.id = ?1 and s.event = ?2", id, event)
                .firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Sponsorship", id.toString()))
                .flatMap(sponsorship -> {
                    if (!sponsorship.organisation.slug.equals(input.organisation()) || sponsorship.kind != input.kind()) {
                        throw ProblemException.invalid("kind", "organisation and kind cannot change: remove and add instead");
                    }
                    sponsorship.note = input.note();
                    return changes.updated(event).replaceWith(SponsorshipView.of(sponsorship));
                }));
    }

    @WithTransaction
    @Override
    public Uni<Void> remove(String eventSlug, UUID id) {
        return events.require(eventSlug).flatMap(event -> sponsorships.delete("id = ?1 and event = ?2", id, event)
                .flatMap(deleted -> {
                    if (deleted == 0) {
                        throw ProblemException.notFound("Sponsorship", id.toString());
                    }
                    return changes.updated(event);
                }));
    }
}
