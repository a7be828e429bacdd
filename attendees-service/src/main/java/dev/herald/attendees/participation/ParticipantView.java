package dev.herald.attendees.participation;

import java.util.Set;
import java.util.UUID;

import dev.herald.attendees.event.Role;
import dev.herald.events.AttendeesEvent;
import dev.herald.problem.LowerCaseEnumNaming;

/** A participant of an event with all their roles there. */
public record ParticipantView(UUID id, String slug, String name, Set<Role> roles) {

    public AttendeesEvent.Participant asEvent() {
        return new AttendeesEvent.Participant(id, slug, name, roles.stream().sorted().map(LowerCaseEnumNaming::of).toList());
    }

    public static ParticipantView of(Participation participation) {
        return new ParticipantView(participation.person.id, participation.person.slug, participation.person.name,
                participation.roles);
    }
}
