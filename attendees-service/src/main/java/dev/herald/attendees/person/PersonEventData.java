package dev.herald.attendees.person;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** Payload of {@code dev.herald.person.created/updated}: everything public about the person. */
public record PersonEventData(@JsonUnwrapped PersonView person, List<AffiliationView> affiliations) {
}
