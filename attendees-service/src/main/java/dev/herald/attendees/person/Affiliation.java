package dev.herald.attendees.person;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import dev.herald.attendees.organisation.Organisation;

/** A person's role at an organisation over a period; open-ended when {@code until} is empty. */
@Entity
public class Affiliation {

    @Id
    @GeneratedValue
    public UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Person person;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Organisation organisation;
    public String title;
    public LocalDate since;
    public LocalDate until;
}
