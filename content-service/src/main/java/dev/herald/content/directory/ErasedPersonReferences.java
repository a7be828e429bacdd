package dev.herald.content.directory;

import io.smallrye.mutiny.Uni;

/**
 * What refers to a directory person and must let go of them when they are erased without keeping a public record;
 * implemented by the reports, which build on the directory. Runs in the caller's transaction, before the person goes.
 */
public interface ErasedPersonReferences {

    Uni<Void> unlink(DirectoryPerson person);
}
