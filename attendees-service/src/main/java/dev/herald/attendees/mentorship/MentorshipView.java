package dev.herald.attendees.mentorship;

import java.util.UUID;

import dev.herald.attendees.person.PersonRef;

public record MentorshipView(UUID id, PersonRef mentor, PersonRef mentee, boolean remote) {

    public static MentorshipView of(Mentorship mentorship) {
        return new MentorshipView(mentorship.id, PersonRef.of(mentorship.mentor), PersonRef.of(mentorship.mentee),
                mentorship.remote);
    }
}
