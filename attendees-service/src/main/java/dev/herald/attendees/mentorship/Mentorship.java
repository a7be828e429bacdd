package dev.herald.attendees.mentorship;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import dev.herald.attendees.event.Event;
import dev.herald.attendees.person.Person;

/** A mentor guiding a mentee during an event, in the room or remotely. */
@Entity
public class Mentorship {

    @Id
    @GeneratedValue
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Event event;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Person mentor;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Person mentee;
    public boolean remote;
}
