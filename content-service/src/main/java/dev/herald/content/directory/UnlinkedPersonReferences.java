package dev.herald.content.directory;

import io.smallrye.mutiny.Uni;

/**
 * What names a person without linking them, because the directory did not know them yet when it was written, and
 * links them once the directory learns of them; implemented by the reports, which build on the directory. Runs in the
 * caller's transaction, after the person is stored.
 */
public interface UnlinkedPersonReferences {

    Uni<Void> link(DirectoryPerson person);
}
