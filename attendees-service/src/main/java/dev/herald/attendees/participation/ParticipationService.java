package dev.herald.attendees.participation;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.herald.attendees.api.ImportRow;
import dev.herald.attendees.event.Event;
import dev.herald.attendees.event.EventChanges;
import dev.herald.attendees.event.EventRepository;
import dev.herald.attendees.event.Role;
import dev.herald.attendees.person.Person;
import dev.herald.attendees.person.PersonService;
import dev.herald.paging.Page;
import dev.herald.paging.PageRequest;
import dev.herald.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ParticipationService {

    private final ParticipationRepository participations;
    private final EventRepository events;
    private final EventChanges changes;
    private final PersonService people;

    public ParticipationService(ParticipationRepository participations, EventRepository events, EventChanges changes,
            PersonService people) {
        this.participations = participations;
        this.events = events;
        this.changes = changes;
        this.people = people;
    }

    @WithSession
    public Uni<Page<ParticipantView>> page(String eventSlug, Role role, PageRequest paging) {
        return events.require(eventSlug).flatMap(participations::ofEvent).map(all -> {
            List<ParticipantView> matching = all.stream()
                    .filter(p -> role == null || p.roles.contains(role))
                    .map(ParticipantView::of)
                    .toList();
            int from = Math.min(paging.page * paging.size, matching.size());
            int to = Math.min(from + paging.size, matching.size());
            return Page.of(matching.subList(from, to), paging, matching.size());
        });
    }

    /** Sets exactly these roles, adding the person to the event when they were not part of it. */
    @WithTransaction
    public Uni<ParticipantView> put(String eventSlug, String personSlug, Set<Role> roles) {
        return events.require(eventSlug).flatMap(event -> people.requireReference(personSlug, "person")
                .flatMap(person -> participations.find(event, person).flatMap(existing -> {
                    Participation participation = existing != null ? existing : newParticipation(event, person);
                    participation.roles = EnumSet.copyOf(roles);
                    return participations.persist(participation)
                            .call(saved -> changes.updated(event))
                            .map(ParticipantView::of);
                })));
    }

    @WithTransaction
    public Uni<Void> remove(String eventSlug, String personSlug) {
        return events.require(eventSlug).flatMap(event -> people.requireReference(personSlug, "person")
                .flatMap(person -> participations.delete("event = ?1 and person = ?2", event, person))
                .flatMap(deleted -> {
                    if (deleted == 0) {
                        throw ProblemException.notFound("Participant", personSlug);
                    }
                    return changes.updated(event);
                }));
    }

    /** Adds roles inside the caller's transaction, never removes any; tells whether the participation is new. */
    public Uni<ImportRow.Status> addRoles(Event event, Person person, Set<Role> roles) {
        return participations.find(event, person).flatMap(existing -> {
            if (existing == null) {
                Participation participation = newParticipation(event, person);
                participation.roles = EnumSet.copyOf(roles);
                return participations.persist(participation).replaceWith(ImportRow.Status.CREATED);
            }
            if (existing.roles.containsAll(roles)) {
                return Uni.createFrom().item(ImportRow.Status.UNCHANGED);
            }
            EnumSet<Role> merged = EnumSet.copyOf(existing.roles);
            merged.addAll(roles);
            existing.roles = merged;
            return Uni.createFrom().item(ImportRow.Status.UPDATED);
        });
    }

    private static Participation newParticipation(Event event, Person person) {
        Participation participation = new Participation();
        participation.event = event;
        participation.person = person;
        return participation;
    }
}
