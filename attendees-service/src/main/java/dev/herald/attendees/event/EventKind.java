package dev.herald.attendees.event;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import dev.herald.problem.LowerCaseEnumNaming;

@EnumNaming(LowerCaseEnumNaming.class)
public enum EventKind {
    SPRINT, SUMMIT, CONFERENCE, MEETUP, WORKSHOP, OTHER
}
