package dev.herald.attendees.sponsorship;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An organisation's support by organisation slug, e.g. {@code bloomberg} / {@code venue}. */
public record SponsorshipInput(@NotBlank @Size(max = 100) String organisation, @NotNull SponsorshipKind kind,
        @Size(max = 1000) String note) {
}
