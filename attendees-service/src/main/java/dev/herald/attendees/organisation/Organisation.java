package dev.herald.attendees.organisation;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** A company, foundation or community that hosts, sponsors or employs. */
@Entity
public class Organisation {

    @Id
    @GeneratedValue
    public UUID id;
    public String slug;
    public String name;
    public String url;
    @Enumerated(EnumType.STRING)
    public OrganisationKind kind;
    public Instant createdAt;
    public Instant updatedAt;
}
