package dev.herald.attendees.talk;

public enum TalkKind {
    lightning_talk, talk, keynote, panel, workshop, other
}
