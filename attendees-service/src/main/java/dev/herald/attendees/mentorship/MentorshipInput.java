package dev.herald.attendees.mentorship;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Mentor and mentee by person slug; both become participants with the matching roles. */
public record MentorshipInput(@NotBlank @Size(max = 100) String mentor, @NotBlank @Size(max = 100) String mentee,
        boolean remote) {
}
