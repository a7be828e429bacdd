package dev.herald.attendees.eventdetail;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.herald.attendees.event.EventView;
import dev.herald.attendees.event.Role;
import dev.herald.attendees.mentorship.MentorshipView;
import dev.herald.attendees.participation.ParticipantView;
import dev.herald.attendees.sponsorship.SponsorshipView;
import dev.herald.attendees.talk.TalkView;
import dev.herald.events.AttendeesEvent;
import dev.herald.problem.LowerCaseEnumNaming;

/**
 * The whole event: who took part grouped by role (a person appears under each of their roles), mentorships,
 * sponsors and talks; {@link #asEvent()} is the data of {@code dev.herald.event.created} and {@code .updated}.
 */
public record EventDetail(
        @JsonUnwrapped EventView event,
        Map<Role, List<ParticipantView>> participants,
        List<MentorshipView> mentorships,
        List<SponsorshipView> sponsors,
        List<TalkView> talks) {

    public AttendeesEvent.EventDetails asEvent() {
        return new AttendeesEvent.EventDetails(event.id(), event.slug(), event.name(), LowerCaseEnumNaming.of(event.kind()), event.startDate(),
                event.endDate(), event.venue(), event.city(), event.host() == null ? null : event.host().asEvent(),
                event.description(), event.links().stream().map(link -> new AttendeesEvent.Link(link.title(), link.url())).toList(),
                event.attendance(),
                new AttendeesEvent.Participants(role(Role.ATTENDEE), role(Role.ORGANISER), role(Role.MENTOR), role(Role.MENTEE),
                        role(Role.SPEAKER), role(Role.REMOTE)),
                mentorships.stream().map(MentorshipView::asEvent).toList(),
                sponsors.stream().map(SponsorshipView::asEvent).toList(),
                talks.stream().map(TalkView::asEvent).toList());
    }

    private List<AttendeesEvent.Participant> role(Role role) {
        return participants.getOrDefault(role, List.of()).stream().map(ParticipantView::asEvent).toList();
    }
}
