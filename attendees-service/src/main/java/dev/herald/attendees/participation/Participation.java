package dev.herald.attendees.participation;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import dev.herald.attendees.event.Event;
import dev.herald.attendees.event.Role;
import dev.herald.attendees.person.Person;

/** A person's part in an event. */
@Entity
public class Participation {

    @Id
    @GeneratedValue
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Event event;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Person person;
    @Convert(converter = RolesConverter.class)
    public Set<Role> roles = EnumSet.noneOf(Role.class);
}
