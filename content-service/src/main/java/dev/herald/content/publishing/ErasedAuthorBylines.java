package dev.herald.content.publishing;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.herald.content.directory.DirectoryPerson;
import dev.herald.content.report.ReportRepository;
import io.smallrye.mutiny.Uni;

/**
 * A person erased without consent to keep a public record leaves the directory, and the reports that linked them keep
 * the byline text the editor wrote (it is content) but no longer link to them; published ones are announced again so
 * that every consumer, and a replay of the compacted topic, shows them unlinked. Runs in the caller's transaction.
 */
@ApplicationScoped
public class ErasedAuthorBylines {

    private final ReportRepository reports;
    private final ReportPublisher publisher;

    public ErasedAuthorBylines(ReportRepository reports, ReportPublisher publisher) {
        this.reports = reports;
        this.publisher = publisher;
    }

    public Uni<Void> unlink(UUID personId) {
        return DirectoryPerson.<DirectoryPerson>findById(personId).chain(person -> person == null ? Uni.createFrom().voidItem()
                : reports.list("authorSlug", person.slug).chain(linked -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (var report : linked) {
                        report.authorSlug = null;
                        report.modifiedAt = Instant.now();
                        chain = chain.chain(() -> publisher.changed(report));
                    }
                    return chain;
                }).chain(() -> person.delete()));
    }
}
