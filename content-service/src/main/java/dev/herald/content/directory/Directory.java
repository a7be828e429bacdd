package dev.herald.content.directory;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/** Looks up the local directory; an author the directory does not know stays a name without a slug. */
@ApplicationScoped
public class Directory {

    public Uni<String> personSlugByName(String name) {
        return DirectoryPerson.<DirectoryPerson>find("lower(name) = lower(?1)", name.strip()).firstResult()
                .map(person -> person == null ? null : person.slug);
    }
}
