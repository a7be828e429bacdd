package dev.herald.content.publishing;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.herald.content.directory.DirectoryPerson;
import dev.herald.content.directory.ErasedPersonReferences;
import dev.herald.content.report.ReportPublisher;
import dev.herald.content.report.ReportRepository;
import io.smallrye.mutiny.Uni;

/**
 * The reports that linked a person erased without consent to keep a public record keep the byline text the editor
 * wrote (it is content) but no longer link to them; published ones are announced again so that every consumer, and a
 * replay of the compacted topic, shows them unlinked. Runs in the caller's transaction.
 */
@ApplicationScoped
public class ErasedAuthorBylines implements ErasedPersonReferences {

    private final ReportRepository reports;
    private final ReportPublisher publisher;

    public ErasedAuthorBylines(ReportRepository reports, ReportPublisher publisher) {
        this.reports = reports;
        this.publisher = publisher;
    }

    @Override
    public Uni<Void> unlink(DirectoryPerson person) {
        return reports.list("authorSlug", person.slug).chain(linked -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (var report : linked) {
                report.authorSlug = null;
                report.modifiedAt = Instant.now();
                chain = chain.chain(() -> publisher.changed(report));
            }
            return chain;
        });
    }
}
