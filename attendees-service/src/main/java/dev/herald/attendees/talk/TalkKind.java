package dev.herald.attendees.talk;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import dev.herald.problem.LowerCaseEnumNaming;

@EnumNaming(LowerCaseEnumNaming.class)
public enum TalkKind {
    LIGHTNING_TALK, TALK, KEYNOTE, PANEL, WORKSHOP, OTHER
}
