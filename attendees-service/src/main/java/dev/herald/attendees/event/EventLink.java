package dev.herald.attendees.event;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.URL;

/** A page about the event elsewhere: a recording, someone's write-up, an announcement. */
public record EventLink(@NotBlank @Size(max = 300) String title,
        @NotBlank @Size(max = 500) @URL(regexp = "^https?://.+", message = "must be an http(s) URL") String url) {
}
