package dev.herald.attendees.sponsorship;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import dev.herald.attendees.event.Event;
import dev.herald.attendees.organisation.Organisation;

/** What an organisation gave an event; one row per kind of support. */
@Entity
public class Sponsorship {

    @Id
    @GeneratedValue
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Event event;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Organisation organisation;
    @Enumerated(EnumType.STRING)
    public SponsorshipKind kind;
    public String note;
}
