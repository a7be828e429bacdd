package dev.herald.attendees.mentorship;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.herald.attendees.event.EventChanges;
import dev.herald.attendees.event.EventParts;
import dev.herald.attendees.event.EventRepository;
import dev.herald.attendees.event.Role;
import dev.herald.attendees.participation.ParticipationService;
import dev.herald.attendees.person.PersonService;
import dev.herald.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MentorshipService implements EventParts<MentorshipInput, MentorshipView> {

    private final MentorshipRepository mentorships;
    private final EventRepository events;
    private final EventChanges changes;
    private final PersonService people;
    private final ParticipationService participations;

    public MentorshipService(MentorshipRepository mentorships, EventRepository events, EventChanges changes,
            PersonService people, ParticipationService participations) {
        this.mentorships = mentorships;
        this.events = events;
        this.changes = changes;
        this.people = people;
        this.participations = participations;
    }

    @WithSession
    public Uni<List<MentorshipView>> list(String eventSlug) {
        return events.require(eventSlug).flatMap(mentorships::ofEvent)
                .map(all -> all.stream().map(MentorshipView::of).toList());
    }

    /** Records the mentorship and gives mentor and mentee their roles (a remote mentor also {@code remote}). */
    @WithTransaction
    @Override
    public Uni<MentorshipView> add(String eventSlug, MentorshipInput input) {
        if (input.mentor().equals(input.mentee())) {
            throw ProblemException.invalid("mentee", "must not be the mentor");
        }
        return events.require(eventSlug).flatMap(event -> people.requireReference(input.mentor(), "mentor")
                .flatMap(mentor -> people.requireReference(input.mentee(), "mentee").flatMap(mentee -> mentorships
                        .count("event = ?1 and mentor = ?2 and mentee = ?3", event, mentor, mentee)
                        .flatMap(existing -> {
                            if (existing > 0) {
                                throw ProblemException.conflict("mentee", input.mentor() + " already mentors "
                                        + input.mentee() + " at this event");
                            }
                            Mentorship mentorship = new Mentorship();
                            mentorship.event = event;
                            mentorship.mentor = mentor;
                            mentorship.mentee = mentee;
                            mentorship.remote = input.remote();
                            EnumSet<Role> mentorRoles = input.remote() ? EnumSet.of(Role.MENTOR, Role.REMOTE)
                                    : EnumSet.of(Role.MENTOR);
                            return mentorships.persist(mentorship)
                                    .call(saved -> participations.addRoles(event, mentor, mentorRoles))
                                    .call(saved -> participations.addRoles(event, mentee, EnumSet.of(Role.MENTEE)))
                                    .call(saved -> changes.updated(event))
                                    .map(MentorshipView::of);
                        }))));
    }

    /** Changes whether the mentoring was remote; mentor and mentee identify the mentorship and stay. */
    @WithTransaction
    @Override
    public Uni<MentorshipView> update(String eventSlug, UUID id, MentorshipInput input) {
        return events.require(eventSlug).flatMap(event -> mentorships
                .find("from Mentorship m join fetch m.mentor join fetch m.mentee where m.id = ?1 and m.event = ?2", id, event)
                .firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Mentorship", id.toString()))
                .flatMap(mentorship -> {
                    if (!mentorship.mentor.slug.equals(input.mentor()) || !mentorship.mentee.slug.equals(input.mentee())) {
                        throw ProblemException.invalid("mentee", "mentor and mentee cannot change: remove and add instead");
                    }
                    mentorship.remote = input.remote();
                    Uni<?> roles = input.remote()
                            ? participations.addRoles(event, mentorship.mentor, EnumSet.of(Role.REMOTE))
                            : Uni.createFrom().voidItem();
                    return roles.flatMap(added -> changes.updated(event))
                            .replaceWith(MentorshipView.of(mentorship));
                }));
    }

    @WithTransaction
    @Override
    public Uni<Void> remove(String eventSlug, UUID id) {
        return events.require(eventSlug).flatMap(event -> mentorships.delete("id = ?1 and event = ?2", id, event)
                .flatMap(deleted -> {
                    if (deleted == 0) {
                        throw ProblemException.notFound("Mentorship", id.toString());
                    }
                    return changes.updated(event);
                }));
    }
}
