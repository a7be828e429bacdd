package dev.herald.attendees.person;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.URL;

import dev.herald.attendees.api.Slugs;

/**
 * A person as written by an admin; the fields of an author file plus the private e-mail. A missing slug is made
 * from the name; empty strings mean "not given".
 */
public record PersonInput(
        @Size(max = 100) @Pattern(regexp = Slugs.PATTERN, message = Slugs.MESSAGE) String slug,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String bio,
        @Size(max = 39) @Pattern(regexp = "^$|^[A-Za-z0-9](-?[A-Za-z0-9])*$", message = "must be a GitHub user name") String github,
        @Size(max = 500) @URL(regexp = HTTP_URL, message = "must be an http(s) URL") String avatar,
        @Size(max = 300) String bluesky,
        @Size(max = 500) @URL(regexp = HTTP_URL, message = "must be an http(s) URL") String mastodon,
        @Size(max = 500) @URL(regexp = HTTP_URL, message = "must be an http(s) URL") String website,
        Boolean featured,
        @Size(max = 254) @Email String email) {

    static final String HTTP_URL = "^$|^https?://.+";

    PersonInput withEmail(String newEmail) {
        return new PersonInput(slug, name, bio, github, avatar, bluesky, mastodon, website, featured, newEmail);
    }
}
