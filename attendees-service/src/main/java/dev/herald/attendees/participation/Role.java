package dev.herald.attendees.participation;

/** What someone did at an event; one person can hold several. */
public enum Role {
    attendee, organiser, mentor, mentee, speaker, remote
}
