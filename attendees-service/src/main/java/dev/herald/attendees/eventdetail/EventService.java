package dev.herald.attendees.eventdetail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.herald.attendees.api.Slugs;
import dev.herald.attendees.event.Event;
import dev.herald.attendees.event.EventKind;
import dev.herald.attendees.event.EventRepository;
import dev.herald.attendees.event.EventView;
import dev.herald.attendees.organisation.Organisation;
import dev.herald.attendees.organisation.OrganisationService;
import dev.herald.events.AttendeesEvent;
import dev.herald.outbox.Outbox;
import dev.herald.paging.Page;
import dev.herald.paging.PageRequest;
import dev.herald.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EventService {

    private final EventRepository events;
    private final EventAggregates aggregates;
    private final OrganisationService organisations;
    private final Outbox outbox;

    public EventService(EventRepository events, EventAggregates aggregates, OrganisationService organisations,
            Outbox outbox) {
        this.events = events;
        this.aggregates = aggregates;
        this.organisations = organisations;
        this.outbox = outbox;
    }

    @WithSession
    public Uni<Page<EventView>> page(String q, EventKind kind, LocalDate from, LocalDate to, PageRequest paging) {
        return paging.read(events.search(q, kind, from, to), EventView::of);
    }

    @WithSession
    public Uni<EventDetail> detail(String slug) {
        return events.require(slug).flatMap(aggregates::detail);
    }

    @WithTransaction
    public Uni<EventDetail> create(EventInput input) {
        String slug = input.slug() != null ? input.slug() : Slugs.of(input.name());
        checkDates(input);
        return events.findBySlug(slug).flatMap(existing -> {
            if (existing != null) {
                throw ProblemException.conflict("slug", "an event with the slug '" + slug + "' exists");
            }
            return host(input).flatMap(host -> {
                Event event = new Event();
                event.createdAt = Instant.now();
                event.updatedAt = event.createdAt;
                apply(input, slug, host, event);
                return events.persist(event).flatMap(saved -> aggregates.publish(saved, AttendeesEvent.EventCreated::new));
            });
        });
    }

    @WithTransaction
    public Uni<EventDetail> update(String slug, EventInput input) {
        String newSlug = input.slug() != null ? input.slug() : slug;
        checkDates(input);
        return events.require(slug).flatMap(event -> slugFree(event, newSlug)
                .flatMap(free -> host(input))
                .flatMap(host -> {
                    apply(input, newSlug, host, event);
                    return aggregates.publish(event, AttendeesEvent.EventUpdated::new);
                }));
    }

    @WithTransaction
    public Uni<Void> delete(String slug) {
        return events.require(slug).flatMap(event -> events.delete(event)
                .call(events::flush)
                .flatMap(deleted -> outbox.record(new AttendeesEvent.EventDeleted(event.id, event.slug))));
    }

    private static void checkDates(EventInput input) {
        if (input.endDate().isBefore(input.startDate())) {
            throw ProblemException.invalid("endDate", "must not be before startDate");
        }
    }

    private Uni<Organisation> host(EventInput input) {
        if (input.host() == null || input.host().isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return organisations.requireReference(input.host(), "host");
    }

    private Uni<Boolean> slugFree(Event event, String slug) {
        if (slug.equals(event.slug)) {
            return Uni.createFrom().item(true);
        }
        return events.findBySlug(slug).map(other -> {
            if (other != null) {
                throw ProblemException.conflict("slug", "an event with the slug '" + slug + "' exists");
            }
            return true;
        });
    }

    private static void apply(EventInput input, String slug, Organisation host, Event event) {
        event.slug = slug;
        event.name = input.name().strip();
        event.kind = input.kind();
        event.startDate = input.startDate();
        event.endDate = input.endDate();
        event.venue = input.venue();
        event.city = input.city();
        event.hostOrganisation = host;
        event.description = input.description();
        event.links = input.links() == null ? List.of() : List.copyOf(input.links());
        event.attendance = input.attendance();
    }
}
