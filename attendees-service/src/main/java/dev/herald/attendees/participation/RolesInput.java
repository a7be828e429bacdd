package dev.herald.attendees.participation;

import java.util.Set;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import dev.herald.attendees.event.Role;

/** The complete set of roles a person holds at an event. */
public record RolesInput(@NotEmpty Set<@NotNull Role> roles) {
}
