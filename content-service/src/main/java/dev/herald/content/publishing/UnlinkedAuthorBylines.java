package dev.herald.content.publishing;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.herald.content.directory.DirectoryPerson;
import dev.herald.content.directory.UnlinkedPersonReferences;
import dev.herald.content.report.ReportPublisher;
import dev.herald.content.report.ReportRepository;
import io.smallrye.mutiny.Uni;

/**
 * A report imported before the directory knew its author (attendees-service's events arrive in their own time) names
 * them without a link; once the directory learns of a person by that name, the byline links to them, as an import
 * would have, and published reports are announced again. Runs in the caller's transaction.
 */
@ApplicationScoped
public class UnlinkedAuthorBylines implements UnlinkedPersonReferences {

    private final ReportRepository reports;
    private final ReportPublisher publisher;

    public UnlinkedAuthorBylines(ReportRepository reports, ReportPublisher publisher) {
        this.reports = reports;
        this.publisher = publisher;
    }

    @Override
    public Uni<Void> link(DirectoryPerson person) {
        return reports.list("authorSlug is null and lower(trim(authorName)) = lower(?1)", person.name.strip()).chain(unlinked -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (var report : unlinked) {
                report.authorSlug = person.slug;
                report.modifiedAt = Instant.now();
                chain = chain.chain(() -> publisher.changed(report));
            }
            return chain;
        });
    }
}
