package dev.herald.attendees.person;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * The tombstone of a person erased without consent to keep the public record: keyed hashes of their slug and
 * normalised name, enough to recognise them in a later import and nothing to read them back from.
 */
@Entity
public class Erasure {

    @Id
    public String slugHash;
    public String nameHash;
    public Instant erasedAt;
}
