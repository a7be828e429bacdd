package dev.herald.attendees.person;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** Someone who writes reports or takes part in events; {@code email} is private and never leaves this service. */
@Entity
public class Person {

    @Id
    @GeneratedValue
    public UUID id;
    public String slug;
    public String name;
    public String bio;
    public String github;
    public String avatar;
    public String bluesky;
    public String mastodon;
    public String website;
    public boolean featured;
    public String email;
    public Instant erasedAt;
    public Instant createdAt;
    public Instant updatedAt;
}
