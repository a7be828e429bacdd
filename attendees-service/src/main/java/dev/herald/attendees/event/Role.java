package dev.herald.attendees.event;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import dev.herald.problem.LowerCaseEnumNaming;

/** What someone did at an event; one person can hold several. */
@EnumNaming(LowerCaseEnumNaming.class)
public enum Role {
    ATTENDEE, ORGANISER, MENTOR, MENTEE, SPEAKER, REMOTE
}
