package dev.herald.attendees.person;

import java.util.Objects;

/** Person entity to API and event views and back; the one place that decides what is public. */
public final class PersonMapper {

    private PersonMapper() {
    }

    public static PersonView toView(Person person) {
        return new PersonView(person.id, person.slug, person.name, person.bio, person.github, person.avatar,
                person.bluesky, person.mastodon, person.website, person.featured);
    }

    /** Copies the input onto the entity and tells whether anything changed. */
    public static boolean apply(PersonInput input, String slug, Person person) {
        PersonView before = toView(person);
        String emailBefore = person.email;
        person.slug = slug;
        person.name = input.name().strip();
        person.bio = blankToNull(input.bio());
        person.github = blankToNull(input.github());
        person.avatar = blankToNull(input.avatar());
        person.bluesky = blankToNull(input.bluesky());
        person.mastodon = blankToNull(input.mastodon());
        person.website = blankToNull(input.website());
        person.featured = Boolean.TRUE.equals(input.featured());
        person.email = blankToNull(input.email());
        return !before.equals(toView(person)) || !Objects.equals(emailBefore, person.email);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
