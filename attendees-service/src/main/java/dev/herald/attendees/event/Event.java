package dev.herald.attendees.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import dev.herald.attendees.organisation.Organisation;

/** A gathering: a sprint, a summit, a conference. */
@Entity
public class Event {

    @Id
    @GeneratedValue
    public UUID id;
    public String slug;
    public String name;
    @Enumerated(EnumType.STRING)
    public EventKind kind;
    public LocalDate startDate;
    public LocalDate endDate;
    public String venue;
    public String city;
    // every view of an event names its host
    @ManyToOne(fetch = FetchType.EAGER)
    public Organisation hostOrganisation;
    public String description;
    @Convert(converter = EventLinksConverter.class)
    public List<EventLink> links;
    /** The head count a report gives, which can exceed the people it names. */
    public Integer attendance;
    public Instant createdAt;
    public Instant updatedAt;
}
