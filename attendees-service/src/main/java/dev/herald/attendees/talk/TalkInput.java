package dev.herald.attendees.talk;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A talk with its speakers by person slug, in billing order; each speaker becomes a participant. */
public record TalkInput(@NotBlank @Size(max = 300) String title, @NotNull TalkKind kind, LocalDate day,
        @PositiveOrZero Integer slot, @Size(max = 20) List<@NotBlank @Size(max = 100) String> speakers) {
}
