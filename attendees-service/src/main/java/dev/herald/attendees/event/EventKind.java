package dev.herald.attendees.event;

public enum EventKind {
    sprint, summit, conference, meetup, workshop, other
}
