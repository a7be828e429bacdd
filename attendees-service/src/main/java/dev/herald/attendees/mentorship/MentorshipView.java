package dev.herald.attendees.mentorship;

import java.util.UUID;

import dev.herald.attendees.person.PersonRef;
import dev.herald.events.AttendeesEvent;

public record MentorshipView(UUID id, PersonRef mentor, PersonRef mentee, boolean remote) {

    public AttendeesEvent.Mentorship asEvent() {
        return new AttendeesEvent.Mentorship(id, mentor.asEvent(), mentee.asEvent(), remote);
    }

    public static MentorshipView of(Mentorship mentorship) {
        return new MentorshipView(mentorship.id, PersonRef.of(mentorship.mentor), PersonRef.of(mentorship.mentee),
                mentorship.remote);
    }
}
