package dev.herald.attendees.person;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Payload of {@code dev.herald.person.erased}. Without consent to keep the public record only the id is left, and
 * consumers drop everything they hold about it; with consent the slug and name stay, the profile goes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonErased(UUID id, boolean publicRecordRetained, String slug, String name) {
}
