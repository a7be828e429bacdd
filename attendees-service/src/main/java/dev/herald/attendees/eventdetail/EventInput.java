package dev.herald.attendees.eventdetail;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.herald.attendees.api.Slugs;
import dev.herald.attendees.event.EventKind;
import dev.herald.attendees.event.EventLink;

/** An event as written by an admin; {@code host} is an organisation slug, a missing slug is made from the name. */
public record EventInput(
        @Size(max = 100) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String slug,
        @NotBlank @Size(max = 200) String name,
        @NotNull EventKind kind,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @Size(max = 200) String venue,
        @Size(max = 100) String city,
        @Size(max = 100) String host,
        @Size(max = 5000) String description,
        @Size(max = 50) List<@Valid @NotNull EventLink> links,
        @PositiveOrZero Integer attendance) {
}
