package dev.herald.attendees.person;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Where a person works or worked: the organisation's slug, a title and an optional period. */
public record AffiliationInput(@NotBlank @Size(max = 100) String organisation, @Size(max = 200) String title,
        LocalDate since, LocalDate until) {
}
