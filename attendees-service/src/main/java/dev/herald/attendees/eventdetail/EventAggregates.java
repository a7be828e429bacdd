package dev.herald.attendees.eventdetail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.herald.attendees.event.Event;
import dev.herald.attendees.event.EventChanges;
import dev.herald.attendees.event.EventRepository;
import dev.herald.attendees.event.EventView;
import dev.herald.attendees.event.Role;
import dev.herald.attendees.mentorship.MentorshipRepository;
import dev.herald.attendees.mentorship.MentorshipView;
import dev.herald.attendees.participation.ParticipantView;
import dev.herald.attendees.participation.Participation;
import dev.herald.attendees.participation.ParticipationRepository;
import dev.herald.attendees.sponsorship.SponsorshipRepository;
import dev.herald.attendees.sponsorship.SponsorshipView;
import dev.herald.attendees.talk.TalkRepository;
import dev.herald.attendees.talk.TalkView;
import dev.herald.events.AttendeesEvent;
import dev.herald.outbox.Outbox;
import io.smallrye.mutiny.Uni;

/** Reads an event whole and records it in the outbox whenever any part of it changes. */
@ApplicationScoped
public class EventAggregates implements EventChanges {

    private final EventRepository events;
    private final ParticipationRepository participations;
    private final MentorshipRepository mentorships;
    private final SponsorshipRepository sponsorships;
    private final TalkRepository talks;
    private final Outbox outbox;

    public EventAggregates(EventRepository events, ParticipationRepository participations,
            MentorshipRepository mentorships, SponsorshipRepository sponsorships, TalkRepository talks, Outbox outbox) {
        this.events = events;
        this.participations = participations;
        this.mentorships = mentorships;
        this.sponsorships = sponsorships;
        this.talks = talks;
        this.outbox = outbox;
    }

    /** Queries run one after another: a reactive session serves one operation at a time. */
    public Uni<EventDetail> detail(Event event) {
        return participations.ofEvent(event).flatMap(people -> mentorships.ofEvent(event)
                .flatMap(mentoring -> sponsorships.ofEvent(event)
                        .flatMap(sponsors -> talks.ofEvent(event)
                                .map(given -> new EventDetail(EventView.of(event), byRole(people),
                                        mentoring.stream().map(MentorshipView::of).toList(),
                                        sponsors.stream().map(SponsorshipView::of).toList(),
                                        given.stream().map(TalkView::of).toList())))));
    }

    /** Records the change ({@code EventCreated::new}, say) carrying the event as it now is; call inside the transaction. */
    public Uni<EventDetail> publish(Event event, Function<AttendeesEvent.EventDetails, AttendeesEvent> change) {
        event.updatedAt = Instant.now();
        return events.flush()
                .flatMap(flushed -> detail(event))
                .call(detail -> outbox.record(change.apply(detail.asEvent())));
    }

    @Override
    public Uni<Void> updated(Event event) {
        return publish(event, AttendeesEvent.EventUpdated::new).replaceWithVoid();
    }

    private static Map<Role, List<ParticipantView>> byRole(List<Participation> people) {
        Map<Role, List<ParticipantView>> grouped = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            grouped.put(role, new ArrayList<>());
        }
        for (Participation participation : people) {
            participation.roles.forEach(role -> grouped.get(role).add(ParticipantView.of(participation)));
        }
        return grouped;
    }
}
