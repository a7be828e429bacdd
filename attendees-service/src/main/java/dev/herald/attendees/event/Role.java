package dev.herald.attendees.event;

/** What someone did at an event; one person can hold several. */
public enum Role {
    attendee, organiser, mentor, mentee, speaker, remote
}
