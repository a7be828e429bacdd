package dev.herald.attendees.talk;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.herald.attendees.person.PersonRef;
import dev.herald.events.AttendeesEvent;
import dev.herald.problem.LowerCaseEnumNaming;

public record TalkView(UUID id, String title, TalkKind kind, LocalDate day, Integer slot, List<PersonRef> speakers) {

    public AttendeesEvent.Talk asEvent() {
        return new AttendeesEvent.Talk(id, title, LowerCaseEnumNaming.of(kind), day, slot,
                speakers.stream().map(PersonRef::asEvent).toList());
    }

    public static TalkView of(Talk talk) {
        return new TalkView(talk.id, talk.title, talk.kind, talk.day, talk.slot,
                talk.speakers.stream().map(PersonRef::of).toList());
    }
}
