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

/**
 * The whole event: who took part grouped by role (a person appears under each of their roles), mentorships,
 * sponsors and talks. Also the payload of {@code dev.herald.event.*} events.
 */
public record EventDetail(
        @JsonUnwrapped EventView event,
        Map<Role, List<ParticipantView>> participants,
        List<MentorshipView> mentorships,
        List<SponsorshipView> sponsors,
        List<TalkView> talks) {
}
