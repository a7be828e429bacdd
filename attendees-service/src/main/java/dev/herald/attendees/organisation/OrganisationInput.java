package dev.herald.attendees.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.URL;

import dev.herald.attendees.api.Slugs;

/** An organisation as written by an admin; a missing slug is made from the name. */
public record OrganisationInput(
        @Size(max = 100) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String slug,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 500) @URL(regexp = "^$|^https?://.+", message = "must be an http(s) URL") String url,
        @NotNull OrganisationKind kind) {
}
