package dev.herald.attendees.talk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;

import dev.herald.attendees.event.Event;
import dev.herald.attendees.person.Person;

/** A talk, panel or lightning talk given at an event; {@code slot} orders the talks of a day. */
@Entity
public class Talk {

    @Id
    @GeneratedValue
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Event event;
    public String title;
    @Enumerated(EnumType.STRING)
    public TalkKind kind;
    public LocalDate day;
    public Integer slot;
    @ManyToMany
    @JoinTable(name = "talk_speaker", joinColumns = @JoinColumn(name = "talk_id"),
            inverseJoinColumns = @JoinColumn(name = "person_id"))
    @OrderColumn(name = "position")
    public List<Person> speakers = new ArrayList<>();
}
